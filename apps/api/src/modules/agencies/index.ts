import type { ApiModule } from '../api-module';
import { Agency } from './agency.entity';
import { AgencyResolver } from './agency.resolver';

export const agenciesModule: ApiModule = { name: 'agencies', resolvers: [AgencyResolver], entities: [Agency] };
