import type { ApiModule } from '../api-module';
import { AuthResolver } from './auth.resolver';

/** login, tokens and the login throttle (its counters live in the public module's rate_limit_bucket) */
export const authModule: ApiModule = { name: 'auth', resolvers: [AuthResolver], entities: [] };
