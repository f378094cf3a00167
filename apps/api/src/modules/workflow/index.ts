import type { Container } from '../../common/container';
import type { ApiModule } from '../api-module';
import { ConfidentialityService } from '../confidentiality/confidentiality.service';
import { ContributionService } from '../contributions/contribution.service';
import { ReportService } from '../reports/report.service';
import { PublicationResolver } from './publication.resolver';
import { RectificationRequest } from './rectification.entity';
import { Signature } from './signature.entity';
import { SignatureGrantResolver, ReviewGrantResolver } from './signer-grants.resolver';
import { SignComparisonResolver } from './sign-comparison.resolver';
import { SigningResolver } from './signing.resolver';
import { SigningService } from './signing.service';
import { WarningExplanation } from './warning-explanation.entity';
import { WorkflowFieldsResolver } from './workflow-fields.resolver';

/**
 * Hook the workflow into the reports service (same transaction as every content change): a saved
 * text is rescanned; signatures and the review of other content are voided and a signed report
 * goes back to DRAFT; a contributor may edit what was assigned. The order is the order of the
 * writes and of their audit entries: the rescan first, then the voiding.
 */
function registerWorkflowHooks(container: Container): void {
  const reports = container.get(ReportService);
  const signing = container.get(SigningService);
  const confidentiality = container.get(ConfidentialityService);
  const contributions = container.get(ContributionService);
  reports.onContentChange((tx, report, change) => confidentiality.onContentChange(tx, report, change));
  reports.onContentChange((tx, report, change) => signing.onContentChange(tx, report, change));
  reports.allowEditWhen((ctx, report, input) => contributions.allowsContributorEdit(ctx, report, input));
}

/** 三级联签, the warnings' 说明, publication, 整改 and corrections */
export const workflowModule: ApiModule = {
  name: 'workflow',
  resolvers: [SigningResolver, PublicationResolver, WorkflowFieldsResolver, SignatureGrantResolver, ReviewGrantResolver, SignComparisonResolver],
  entities: [Signature, WarningExplanation, RectificationRequest],
  register: registerWorkflowHooks,
};
