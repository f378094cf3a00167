import type { ApiModule } from '../api-module';
import { ReportingCycle } from './cycle.entity';
import { CycleResolver } from './cycle.resolver';

export const cyclesModule: ApiModule = { name: 'cycles', resolvers: [CycleResolver], entities: [ReportingCycle] };
