import type { ApiModule } from '../api-module';
import { ConfidentialityReview } from './confidentiality-review.entity';
import { ConfidentialityResolver, ConfidentialityReviewResolver } from './confidentiality.resolver';
import { Finding } from './finding.entity';

/** 保密审查 and the scanner's findings */
export const confidentialityModule: ApiModule = {
  name: 'confidentiality',
  resolvers: [ConfidentialityResolver, ConfidentialityReviewResolver],
  entities: [ConfidentialityReview, Finding],
};
