import type { ApiModule } from '../api-module';
import { CountyResolver } from './county.resolver';

/** county compilation of published totals, and the county government's own report */
export const countyModule: ApiModule = { name: 'county', resolvers: [CountyResolver], entities: [] };
