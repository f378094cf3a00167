/** every TypeORM entity: each module's index.ts lists its own (../modules/index.ts) */
export { ENTITIES } from '../modules';
