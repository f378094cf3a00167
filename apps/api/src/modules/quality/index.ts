import type { ApiModule } from '../api-module';
import { QualityResolver } from './quality.resolver';

/** the county's quality ranking of published reports */
export const qualityModule: ApiModule = { name: 'quality', resolvers: [QualityResolver], entities: [] };
