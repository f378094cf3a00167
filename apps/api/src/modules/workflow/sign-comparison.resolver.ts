/**
 * Report.signComparisonBase: the content of the signature a signer compares with before signing
 * (the domain's comparisonBase picks it). The console compares it with the current content using the
 * domain's compareReports — the comparison is computed in one place, not here.
 */
import { getFormat, type FormatId } from '@touming/domain/formats';
import { COMPARISON_BASE_LABELS, comparisonBase, type SignatureStage } from '@touming/domain/workflow';
import { Arg, Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { requireUser } from '../../common/authorize';
import { Report } from '../reports/report.entity';
import { ReportRevision } from '../revisions/report-revision.entity';
import { workflowLoaders } from './loaders';
import { Signature, SignatureStageEnum } from './signature.entity';
import { SignComparisonBase } from './sign-comparison.types';
import { domainSignatures } from './workflow.state';

@Resolver(() => Report)
export class SignComparisonResolver {
  @Authorized()
  @FieldResolver(() => SignComparisonBase, {
    nullable: true,
    complexity: 10,
    description: '与上次签署版本对比的基准：当前用户上次签署的版本，否则为上一环节最近签署的版本（都没有时为 null）',
  })
  async signComparisonBase(
    @Root() report: Report,
    @Ctx() ctx: RequestContext,
    @Arg('stage', () => SignatureStageEnum, { description: '将要签署的环节' }) stage: SignatureStage,
  ): Promise<SignComparisonBase | null> {
    const user = requireUser(ctx);
    const signatures = await workflowLoaders(ctx).signatures.load(report.id);
    const base = comparisonBase(
      domainSignatures(signatures).map((s, i) => ({ ...s, row: signatures[i] })),
      { signerId: user.id, stage },
    );
    if (!base) return null;
    const row = base.signature.row;
    const same = row.contentHash === report.contentHash;
    // the stored snapshot; a signature from before snapshots were kept may match a published revision
    const stored = await ctx.manager.findOne(Signature, { where: { id: row.id }, select: { id: true, signedContent: true } });
    let content = stored?.signedContent ?? null;
    if (!content) {
      const revision = await ctx.manager.findOne(ReportRevision, { where: { reportId: report.id, contentHash: row.contentHash } });
      content = revision?.content ?? null;
    }
    const format = (content?.format ?? report.format) as FormatId;
    const titles = new Map(getFormat(format).sections.map((s) => [s.key, s.title]));
    return {
      kind: base.kind,
      label: COMPARISON_BASE_LABELS[base.kind],
      stage: row.stage,
      signerName: row.signerName,
      signedAt: row.signedAt,
      contentHash: row.contentHash,
      same,
      available: content !== null,
      format,
      cells: content ? Object.entries(content.cells).map(([key, value]) => ({ key, value })) : [],
      sections: content ? (['overview', 'problems', 'other'] as const).map((key) => ({ key, title: titles.get(key) ?? key, text: content!.sections[key] ?? '' })) : [],
    };
  }
}
