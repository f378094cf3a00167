import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { authChecker } from './common/auth-checker';
import type { Container } from './common/container';
import { AgencyResolver } from './modules/agencies/agency.resolver';
import { AuthResolver } from './modules/auth/auth.resolver';
import { COMPILATION_RESOLVERS } from './modules/county';
import { CycleResolver } from './modules/cycles/cycle.resolver';
import { FormatResolver } from './modules/formats/format.resolver';
import { ReportResolver } from './modules/reports/report.resolver';
import { UserResolver } from './modules/users/user.resolver';
import { WORKFLOW_RESOLVERS } from './modules/workflow';

/** every resolver of the API; a new module adds its resolvers here */
export const RESOLVERS = [AuthResolver, UserResolver, AgencyResolver, CycleResolver, ReportResolver, FormatResolver, ...COMPILATION_RESOLVERS, ...WORKFLOW_RESOLVERS] as const;

export function buildApiSchema(container: Container): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: RESOLVERS,
    container,
    authChecker,
    // inputs are checked by the services (with Chinese messages naming the field)
    validate: false,
  });
}
