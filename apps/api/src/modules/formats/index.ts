import type { ApiModule } from '../api-module';
import { FormatResolver } from './format.resolver';

/** the report formats of @touming/domain, as the API shows them */
export const formatsModule: ApiModule = { name: 'formats', resolvers: [FormatResolver], entities: [] };
