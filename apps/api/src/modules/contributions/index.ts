import type { ApiModule } from '../api-module';
import { Contribution } from './contribution.entity';
import { ContributionResolver, ReportContributionsResolver } from './contribution.resolver';

/** sub-unit contributions (各股室、下属各单位提供信息) */
export const contributionsModule: ApiModule = {
  name: 'contributions',
  resolvers: [ContributionResolver, ReportContributionsResolver],
  entities: [Contribution],
};
