import type { Container } from '../../common/container';
import { AccountabilityResolver } from '../accountability/accountability.resolver';
import { AuditResolver } from '../audit/audit.resolver';
import { ConfidentialityResolver, ConfidentialityReviewResolver } from '../confidentiality/confidentiality.resolver';
import { ConfidentialityService } from '../confidentiality/confidentiality.service';
import { ContributionResolver, ReportContributionsResolver } from '../contributions/contribution.resolver';
import { ContributionService } from '../contributions/contribution.service';
import { ReportService } from '../reports/report.service';
import { RevisionResolver } from '../revisions/revision.resolver';
import { PublicationResolver } from './publication.resolver';
import { SigningResolver } from './signing.resolver';
import { SigningService } from './signing.service';
import { WorkflowFieldsResolver } from './workflow-fields.resolver';

/** the resolvers of 三级联签, 保密审查, publication, contributions, the trail and 责任追究 */
export const WORKFLOW_RESOLVERS = [
  SigningResolver,
  PublicationResolver,
  WorkflowFieldsResolver,
  RevisionResolver,
  ConfidentialityResolver,
  ConfidentialityReviewResolver,
  ContributionResolver,
  ReportContributionsResolver,
  AuditResolver,
  AccountabilityResolver,
] as const;

/**
 * Hook the workflow into the reports service (same transaction as every content change): a saved
 * text is rescanned; signatures and the review of other content are voided and a signed report
 * goes back to DRAFT. Call once per container, before serving.
 */
export function registerWorkflowHooks(container: Container): void {
  const reports = container.get(ReportService);
  const signing = container.get(SigningService);
  const confidentiality = container.get(ConfidentialityService);
  const contributions = container.get(ContributionService);
  reports.onContentChange((tx, report, change) => confidentiality.onContentChange(tx, report, change));
  reports.onContentChange((tx, report, change) => signing.onContentChange(tx, report, change));
  reports.allowEditWhen((ctx, report, input) => contributions.allowsContributorEdit(ctx, report, input));
}
