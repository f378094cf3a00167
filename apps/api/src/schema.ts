import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { authChecker } from './common/auth-checker';
import type { Container } from './common/container';
import { RESOLVERS } from './modules';
import type { Class } from './modules/api-module';

export function buildApiSchema(container: Container): Promise<GraphQLSchema> {
  return buildSchema({
    // each module's index.ts lists its resolvers (./modules/index.ts)
    resolvers: RESOLVERS as [Class, ...Class[]],
    container,
    authChecker,
    // inputs are checked by the services (with Chinese messages naming the field)
    validate: false,
  });
}
