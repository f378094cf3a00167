import type { ApiModule } from '../api-module';
import { CompareResolver } from './compare.resolver';

/** 比对报告: two reports of one agency side by side, and every agency of a year against its last */
export const compareModule: ApiModule = { name: 'compare', resolvers: [CompareResolver], entities: [] };
