import { cellDefinition, getFormat, type FormatId } from '@touming/domain/formats';
import type { RuleResult as DomainRuleResult } from '@touming/domain/validation';
import { Arg, Authorized, Ctx, FieldResolver, Float, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../../common/context';
import { badInput } from '../../common/errors';
import { ListOptions } from '../../common/list';
import { selectedFieldNamesUnder } from '../../common/selected-fields';
import { Agency } from '../agencies/agency.entity';
import { ReportTable } from '../formats/format.types';
import { explanationsOf } from '../workflow/loaders';
import { Report } from './report.entity';
import { ReportService } from './report.service';
import { Cell, ImportResult, ReportFilter, ReportList, ReportUpdateInput, RuleResult, SectionText, Validation } from './report.types';

export function ruleResult(r: DomainRuleResult): RuleResult {
  const show = (v: unknown) => (v === undefined || v === null ? null : String(v));
  return {
    ruleId: r.ruleId,
    id: r.id,
    severity: r.severity,
    status: r.status,
    cells: r.cells,
    expected: show(r.expected),
    actual: show(r.actual),
    message: r.message,
    explanation: null,
  };
}

@Resolver(() => Report)
export class ReportResolver {
  constructor(private readonly reportService: ReportService) {}

  @Authorized()
  @Query(() => ReportList)
  reports(
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => ReportFilter, { nullable: true }) filter?: ReportFilter,
    @Arg('options', () => ListOptions, { nullable: true }) options?: ListOptions,
  ) {
    return this.reportService.list(ctx, filter, options, selectedFieldNamesUnder(info, 'items'));
  }

  @Authorized()
  @Query(() => Report, { nullable: true })
  report(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return this.reportService.get(ctx, id);
  }

  @Authorized()
  @Mutation(() => Report, { description: '新建空白报告（上年结转数据自动填入）' })
  createReport(@Ctx() ctx: RequestContext, @Arg('agencyId', () => ID) agencyId: string, @Arg('year', () => Int) year: number) {
    return this.reportService.create(ctx, agencyId, year);
  }

  @Authorized()
  @Mutation(() => Report, { description: '保存修改；expectedRevision 过期时返回 CONFLICT' })
  updateReport(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('expectedRevision', () => Int) expectedRevision: number,
    @Arg('input', () => ReportUpdateInput) input: ReportUpdateInput,
  ) {
    return this.reportService.update(ctx, id, expectedRevision, input);
  }

  @Authorized()
  @Mutation(() => ImportResult, { description: '导入已发布报告：粘贴的文本或 HTML，或上传的文件（PDF、Word .docx、网页 .html、文本 .txt；base64，fileName 带扩展名）' })
  importReport(
    @Ctx() ctx: RequestContext,
    @Arg('agencyId', () => ID) agencyId: string,
    @Arg('year', () => Int, { nullable: true }) year?: number,
    @Arg('text', () => String, { nullable: true }) text?: string,
    @Arg('html', () => String, { nullable: true }) html?: string,
    @Arg('fileBase64', () => String, { nullable: true, description: '上传文件的内容（base64）' }) fileBase64?: string,
    @Arg('fileName', () => String, { nullable: true, description: '上传文件的名称，如 2023年报告.pdf' }) fileName?: string,
  ) {
    return this.reportService.import(ctx, agencyId, { year, text, html, fileBase64, fileName });
  }

  @Authorized()
  @Mutation(() => Boolean, { description: '删除草稿' })
  deleteReport(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return this.reportService.delete(ctx, id);
  }

  // ---- fields (batched through the request's loaders) ------------------------------------------

  @FieldResolver(() => Agency)
  async agency(@Root() report: Report, @Ctx() ctx: RequestContext): Promise<Agency> {
    return (await ctx.loaders.agency.load(report.agencyId))!;
  }

  @FieldResolver(() => [SectionText])
  sections(@Root() report: Report): SectionText[] {
    const titles = new Map(getFormat(report.format as FormatId).sections.map((s) => [s.key, s.title]));
    return (['overview', 'problems', 'other'] as const).map((key) => ({ key, title: titles.get(key) ?? key, text: report[key] }));
  }

  @FieldResolver(() => [Cell], { complexity: 5, description: '格式的全部单元格，按官方版式顺序' })
  async cells(@Root() report: Report, @Ctx() ctx: RequestContext): Promise<Cell[]> {
    const content = await this.reportService.content(ctx, report);
    return Object.entries(content.cells).map(([key, value]) => ({ key, value }));
  }

  @FieldResolver(() => Float, { nullable: true, description: '一个单元格的值（空白为 null）' })
  async cell(@Root() report: Report, @Ctx() ctx: RequestContext, @Arg('key') key: string): Promise<number | null> {
    if (!cellDefinition(report.format as FormatId, key)) throw badInput(`未知的单元格：${key}`, { key });
    const content = await this.reportService.content(ctx, report);
    return content.cells[key] ?? null;
  }

  @FieldResolver(() => [ReportTable], { complexity: 20 })
  tables(@Root() report: Report, @Ctx() ctx: RequestContext) {
    return this.reportService.tables(ctx, report);
  }

  @FieldResolver(() => Validation, { complexity: 30, description: '按当前内容（及上年报告）即时校验' })
  async validation(@Root() report: Report, @Ctx() ctx: RequestContext): Promise<Validation> {
    const [v, explanations] = await Promise.all([this.reportService.validation(ctx, report), explanationsOf(ctx, report.id)]);
    const explained = (r: DomainRuleResult) => ({ ...ruleResult(r), explanation: explanations[r.ruleId] ?? null });
    return { errors: v.errors.map(ruleResult), warnings: v.warnings.map(explained), notAssessable: v.notAssessable.map(ruleResult) };
  }

  @FieldResolver(() => Report, { nullable: true, complexity: 5 })
  previousYear(@Root() report: Report, @Ctx() ctx: RequestContext) {
    return this.reportService.previousYear(ctx, report);
  }
}
