import { CONFIDENTIALITY_CHECKS, type CheckResult, type ConfidentialityCheckKey } from '@touming/domain/confidentiality';
import type { Role } from '@touming/domain/permissions';
import { findingKey, scanReport } from '@touming/domain/scanner';
import type { ReportStatus, SignatureStage } from '@touming/domain/workflow';
import { returnVoidReason } from '@touming/domain/workflow';
import type { RequestContext } from '../../common/context';
import { newId } from '../../db/columns';
import type { Agency } from '../agencies/agency.entity';
import { appendAudit } from '../audit/audit.service';
import { ConfidentialityReview } from '../confidentiality/confidentiality-review.entity';
import { Finding } from '../confidentiality/finding.entity';
import type { ReportCell } from '../reports/report-cell.entity';
import type { Report } from '../reports/report.entity';
import { contentOf, insertRows } from '../reports/report.repository';
import { PublishedCell } from '../revisions/published-cell.entity';
import { ReportRevision } from '../revisions/report-revision.entity';
import { newRevision, publishedCellsOf } from '../revisions/revision.repository';
import { User } from '../users/user.entity';
import { AccountabilityCase } from '../accountability/accountability-case.entity';
import { DEFAULT_WARNING_EXPLANATION, RETURN_COMMENT, WARNING_EXPLANATIONS } from '../../seed/demo-data';
import type { DemoPlan } from '../../seed/demo-plan';
import { Signature } from './signature.entity';
import { WarningExplanation } from './warning-explanation.entity';

/**
 * The workflow side of the demo data, so that states are real: every PUBLISHED report has its
 * revision with all cells, three signatures on its content and a cleared 保密审查, published on the
 * day the plan says (late ones after the deadline); a report of the open cycle in
 * SUBMITTED/REVIEWED/APPROVED carries exactly the signatures of that state (some APPROVED ones a
 * cleared review too); the returned one its preparer's signature, voided by the 分管领导 with the
 * comment. Warnings of signed reports are explained. The plan's 责任追究 cases are opened by the
 * county office. Agencies without demo users get inactive signer accounts (历史签署人), so every
 * signature names a real user row.
 */

const STAGES_OF: Partial<Record<ReportStatus, SignatureStage[]>> = {
  SUBMITTED: ['PREPARE'],
  REVIEWED: ['PREPARE', 'REVIEW'],
  APPROVED: ['PREPARE', 'REVIEW', 'APPROVE'],
  PUBLISHED: ['PREPARE', 'REVIEW', 'APPROVE'],
};
const ROLE_OF_STAGE: Record<SignatureStage, Role> = {
  PREPARE: 'AGENCY_PREPARER',
  REVIEW: 'AGENCY_REVIEWER',
  APPROVE: 'AGENCY_APPROVER',
  COUNTY_PRE_REVIEW: 'COUNTY_ADMIN',
};
const ARCHIVE_ROLES: { role: Role; suffix: string; title: string }[] = [
  { role: 'AGENCY_PREPARER', suffix: 'preparer', title: '填报人' },
  { role: 'AGENCY_REVIEWER', suffix: 'reviewer', title: '分管领导' },
  { role: 'AGENCY_APPROVER', suffix: 'approver', title: '主要领导' },
  { role: 'CONFIDENTIALITY_REVIEWER', suffix: 'secrecy', title: '保密审查员' },
];
const HOUR = 3_600_000;
const ALL_PASS = Object.fromEntries(CONFIDENTIALITY_CHECKS.map((c) => [c.key, { conclusion: 'PASS', note: null }])) as Record<ConfidentialityCheckKey, CheckResult>;

export interface DemoWorkflowInput {
  agencies: Agency[];
  users: User[];
  reports: Report[];
  cells: ReportCell[];
  /** the hash of one password for the inactive signer accounts (they cannot log in anyway) */
  passwordHash: string;
  now: Date;
  /** the dates, the returned report and the cases (seed/demo-plan.ts) */
  plan: DemoPlan;
}

export async function seedWorkflowDemo(tx: RequestContext, input: DemoWorkflowInput): Promise<void> {
  const m = tx.manager;
  const cellsOf = new Map<string, ReportCell[]>();
  for (const c of input.cells) cellsOf.set(c.reportId, [...(cellsOf.get(c.reportId) ?? []), c]);

  // a signer for every role of every reporting agency: its demo user, else an inactive archive account
  const archive: User[] = [];
  const signer = new Map<string, User>();
  const agencyById = new Map(input.agencies.map((a) => [a.id, a]));
  for (const agencyId of new Set(input.reports.map((r) => r.agencyId))) {
    const agency = agencyById.get(agencyId)!;
    for (const { role, suffix, title } of ARCHIVE_ROLES) {
      let user = input.users.find((u) => u.agencyId === agencyId && u.roles.includes(role));
      if (!user) {
        user = Object.assign(new User(), {
          id: newId(),
          username: `${agency.code.replace(/^yanchi\./, '')}.archive.${suffix}`,
          displayName: `${agency.name}${title}（历史签署人）`,
          passwordHash: input.passwordHash,
          agencyId,
          roles: [role],
          active: false,
          tokenVersion: 0,
          createdAt: input.now,
          updatedAt: input.now,
        });
        archive.push(user);
      }
      signer.set(`${agencyId}:${role}`, user);
    }
  }
  await insertRows(m, User, archive);

  const signatures: Signature[] = [];
  const explanations: WarningExplanation[] = [];
  const reviews: ConfidentialityReview[] = [];
  const findings: Finding[] = [];
  const revisions: ReportRevision[] = [];
  const published: PublishedCell[] = [];
  input.reports.forEach((report, index) => {
    const planned = input.plan.report(agencyById.get(report.agencyId)!.code, report.year);
    const returned = planned?.returned ?? false;
    // a returned report was submitted once: its preparer's signature stays on record, voided
    const stages = returned ? (['PREPARE'] as SignatureStage[]) : (STAGES_OF[report.status] ?? []);
    if (stages.length === 0) return;
    const content = contentOf(report, cellsOf.get(report.id) ?? []);
    const base = new Date(report.createdAt).getTime();
    // the k-th step after the report was written, never in the future (the open cycle's were written in the last weeks)
    const step = (k: number) => new Date(Math.min(base + k * HOUR, input.now.getTime() - (10 - k) * 60_000));
    stages.forEach((stage, i) => {
      const user = signer.get(`${report.agencyId}:${ROLE_OF_STAGE[stage]}`)!;
      signatures.push(
        Object.assign(new Signature(), {
          id: newId(),
          reportId: report.id,
          revision: 1,
          stage,
          signerId: user.id,
          signerName: `${user.displayName}（${user.username}）`,
          contentHash: report.contentHash,
          comment: i === 0 ? '请审核' : '同意',
          signedAt: step(i + 1),
          voidedAt: returned ? step(2) : null,
          voidedBy: returned ? signer.get(`${report.agencyId}:AGENCY_REVIEWER`)!.id : null,
          voidReason: returned ? returnVoidReason(RETURN_COMMENT) : null,
        }),
      );
    });
    const preparer = signer.get(`${report.agencyId}:AGENCY_PREPARER`)!;
    for (const ruleId of new Set((report.validation?.warnings ?? []).map((w) => w.ruleId))) {
      explanations.push(
        Object.assign(new WarningExplanation(), { reportId: report.id, ruleId, text: WARNING_EXPLANATIONS[ruleId] ?? DEFAULT_WARNING_EXPLANATION, explainedById: preparer.id, explainedAt: step(0) }),
      );
    }
    // the texts as published were reviewed: what the scanner flags there was judged and dismissed
    const secrecy = signer.get(`${report.agencyId}:CONFIDENTIALITY_REVIEWER`)!;
    const reviewed = report.status === 'PUBLISHED' || (report.status === 'APPROVED' && index % 2 === 0);
    const seen = new Set<string>();
    for (const f of scanReport(content)) {
      const key = findingKey(f);
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push(
        Object.assign(new Finding(), {
          id: newId(),
          reportId: report.id,
          key,
          kind: f.kind,
          section: f.section,
          start: f.start,
          end: f.end,
          match: f.match.slice(0, 255),
          message: f.message.slice(0, 255),
          status: reviewed ? 'DISMISSED' : 'OPEN',
          dismissReason: reviewed ? '原文对外公开的单位联系方式，经审查可以公开' : null,
          dismissedBy: reviewed ? secrecy.id : null,
          dismissedAt: reviewed ? step(4) : null,
          foundAt: step(0),
          fixedAt: null,
        }),
      );
    }
    if (reviewed) {
      reviews.push(
        Object.assign(new ConfidentialityReview(), {
          id: newId(),
          reportId: report.id,
          contentHash: report.contentHash,
          checks: ALL_PASS,
          conclusion: 'OPEN',
          bases: [],
          disclosure: 'PROACTIVE',
          note: '经审查，不涉及国家秘密、商业秘密和个人隐私，同意主动公开',
          reviewerId: secrecy.id,
          reviewerName: `${secrecy.displayName}（${secrecy.username}）`,
          reviewedAt: step(4),
          voidedAt: null,
        }),
      );
    }
    if (report.status === 'PUBLISHED') {
      const revision = newRevision(report, content, {
        revisionNo: 1,
        correctionNote: null,
        publishedAt: planned?.publishedAt ?? step(5),
        publishedById: preparer.id,
      });
      revisions.push(revision);
      published.push(...publishedCellsOf(revision));
    }
  });
  await insertRows(m, Signature, signatures);
  await insertRows(m, WarningExplanation, explanations);
  await insertRows(m, ConfidentialityReview, reviews);
  await insertRows(m, Finding, findings);
  await insertRows(m, ReportRevision, revisions);
  await insertRows(m, PublishedCell, published);

  // 责任追究 cases, opened by the county office
  const countyAdmin = input.users.find((u) => u.roles.includes('COUNTY_ADMIN'))!;
  const agencyByCode = new Map(input.agencies.map((a) => [a.code, a]));
  const reportOf = new Map(input.reports.map((r) => [`${r.agencyId}:${r.year}`, r]));
  const cases = input.plan.cases.map((c) => {
    const agency = agencyByCode.get(c.agency)!;
    return Object.assign(new AccountabilityCase(), {
      id: newId(),
      agencyId: agency.id,
      reportId: reportOf.get(`${agency.id}:${c.year}`)?.id ?? null,
      year: c.year,
      kind: c.kind,
      description: c.description,
      auditEntryIds: [],
      status: c.status,
      outcome: c.outcome,
      openedById: countyAdmin.id,
      openedAt: c.openedAt,
      updatedAt: c.updatedAt,
      closedAt: c.closedAt,
    });
  });
  await insertRows(m, AccountabilityCase, cases);

  await appendAudit(tx, {
    action: 'seed.workflow',
    targetType: 'Database',
    detail: {
      archiveSigners: archive.map((u) => u.username),
      signatures: signatures.length,
      explanations: explanations.length,
      reviews: reviews.length,
      findings: findings.length,
      revisions: revisions.length,
      // the seeded archive's publications in the chain: what `touming audit verify` and the public
      // pages check each revision's stored content against
      publishedHashes: Object.fromEntries(revisions.map((r) => [r.id, r.contentHash])),
      hashAlgorithm: revisions[0]?.hashAlgorithm ?? 'sha256',
      publishedCells: published.length,
      returned: input.plan.reports.filter((r) => r.returned).map((r) => `${r.agency}:${r.year}`),
      accountabilityCases: input.plan.cases.map((c) => `${c.agency}:${c.year}:${c.status}`),
    },
  });
}
