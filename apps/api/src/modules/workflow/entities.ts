import { AccountabilityCase } from '../accountability/accountability-case.entity';
import { ConfidentialityReview } from '../confidentiality/confidentiality-review.entity';
import { Finding } from '../confidentiality/finding.entity';
import { Contribution } from '../contributions/contribution.entity';
import { PublishedCell } from '../revisions/published-cell.entity';
import { ReportRevision } from '../revisions/report-revision.entity';
import { RectificationRequest } from './rectification.entity';
import { Signature } from './signature.entity';
import { WarningExplanation } from './warning-explanation.entity';

/** the entities of 三级联签, 保密审查, publication, contributions and 责任追究 (migration *-Workflow) */
export const WORKFLOW_ENTITIES = [
  Signature,
  WarningExplanation,
  RectificationRequest,
  ConfidentialityReview,
  Finding,
  ReportRevision,
  PublishedCell,
  Contribution,
  AccountabilityCase,
];
