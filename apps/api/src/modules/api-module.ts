import type { Container } from '../common/container';

/** a class, as type-graphql (resolvers) and TypeORM (entities) take them */
export type Class = abstract new (...args: never[]) => unknown;

/**
 * One capability of the API, registered as a whole (modules/index.ts): its folder's index.ts says
 * which resolvers and entities it brings.
 */
export interface ApiModule {
  /** the module's folder under src/modules */
  name: string;
  /** its type-graphql resolvers: queries, mutations and field resolvers of any type */
  resolvers: readonly Class[];
  /** its TypeORM entities; a new table also needs a migration per dialect (src/migrations) */
  entities: readonly Class[];
  /** wiring into other modules' services, once per container before serving */
  register?: (container: Container) => void;
}
