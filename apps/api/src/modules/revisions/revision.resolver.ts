import { computedTotals } from '@touming/domain/validation';
import { cellDefinition, getFormat, type FormatId } from '@touming/domain/formats';
import { reportTitle } from '@touming/domain/report';
import { Arg, Ctx, FieldResolver, Float, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { badInput } from '../../common/errors';
import { Agency } from '../agencies/agency.entity';
import { ReportTable } from '../formats/format.types';
import { buildTables } from '../formats/tables';
import { Cell, SectionText } from '../reports/report.types';
import { ReportRevision } from './report-revision.entity';

/** the content of a published revision, drawn from its frozen ReportContent */
@Resolver(() => ReportRevision)
export class RevisionResolver {
  @FieldResolver(() => String, { description: '报告标题' })
  title(@Root() revision: ReportRevision): string {
    return reportTitle(revision.content);
  }

  @FieldResolver(() => Agency)
  async agency(@Root() revision: ReportRevision, @Ctx() ctx: RequestContext): Promise<Agency> {
    return (await ctx.loaders.agency.load(revision.agencyId))!;
  }

  @FieldResolver(() => [SectionText])
  sections(@Root() revision: ReportRevision): SectionText[] {
    const titles = new Map(getFormat(revision.format as FormatId).sections.map((s) => [s.key, s.title]));
    return (['overview', 'problems', 'other'] as const).map((key) => ({ key, title: titles.get(key) ?? key, text: revision.content.sections[key] ?? '' }));
  }

  @FieldResolver(() => [Cell], { complexity: 5 })
  cells(@Root() revision: ReportRevision): Cell[] {
    return Object.entries(revision.content.cells).map(([key, value]) => ({ key, value }));
  }

  @FieldResolver(() => Float, { nullable: true })
  cell(@Root() revision: ReportRevision, @Arg('key') key: string): number | null {
    if (!cellDefinition(revision.format as FormatId, key)) throw badInput(`未知的单元格：${key}`, { key });
    return revision.content.cells[key] ?? null;
  }

  @FieldResolver(() => [ReportTable], { complexity: 20 })
  tables(@Root() revision: ReportRevision): ReportTable[] {
    return buildTables(revision.format as FormatId, revision.content.cells, computedTotals(revision.content));
  }
}
