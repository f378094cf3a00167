import type { ApiModule } from '../api-module';
import { RegionTotal } from './region-total.entity';
import { Region } from './region.entity';
import { RegionResolver } from './region.resolver';

/** the region tree (行政区划), the offices' scope by region, and the totals maintained per region */
export const regionsModule: ApiModule = { name: 'regions', resolvers: [RegionResolver], entities: [Region, RegionTotal] };
