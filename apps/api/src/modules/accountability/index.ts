import type { ApiModule } from '../api-module';
import { AccountabilityCase } from './accountability-case.entity';
import { AccountabilityResolver } from './accountability.resolver';

/** 责任追究 cases and the cycle's progress (the county dashboard) */
export const accountabilityModule: ApiModule = { name: 'accountability', resolvers: [AccountabilityResolver], entities: [AccountabilityCase] };
