import { caseActions, caseTitle, CASE_ACTION_LABELS } from '@touming/domain/accountability';
import { hasCountyScope } from '@touming/domain/permissions';
import { In } from 'typeorm';
import { actorOf } from '../../common/context';
import { AuditEntry } from '../audit/audit-entry.entity';
import { Report } from '../reports/report.entity';
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { ListOptions } from '../../common/list';
import { Agency } from '../agencies/agency.entity';
import { AccountabilityCase } from './accountability-case.entity';
import { AccountabilityService } from './accountability.service';
import {
  AccountabilityCaseFilter,
  AccountabilityCaseList,
  AgencyProgressInfo,
  OpenAccountabilityCaseInput,
  ProposedAccountabilityCase,
  UpdateAccountabilityCaseInput,
} from './accountability.types';
import { ProgressService } from './progress.service';

@Resolver(() => AccountabilityCase)
export class AccountabilityResolver {
  constructor(
    private readonly accountability: AccountabilityService,
    private readonly progress: ProgressService,
  ) {}

  @Authorized()
  @Mutation(() => AccountabilityCase, { description: '县政务公开办立案（责任追究）' })
  openAccountabilityCase(@Ctx() ctx: RequestContext, @Arg('input', () => OpenAccountabilityCaseInput) input: OpenAccountabilityCaseInput) {
    return this.accountability.open(ctx, input);
  }

  @Authorized()
  @Mutation(() => AccountabilityCase, { description: '变更案件状态或记录（已立案 → 整改中 → 已结案）' })
  updateAccountabilityCase(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateAccountabilityCaseInput) input: UpdateAccountabilityCaseInput,
  ) {
    return this.accountability.update(ctx, id, input);
  }

  @Authorized()
  @Mutation(() => AccountabilityCase, { description: '被追究单位报送整改情况（县政务公开办收到消息）' })
  respondToAccountabilityCase(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('response') response: string) {
    return this.accountability.respond(ctx, id, response);
  }

  @Authorized()
  @Query(() => AccountabilityCase, { nullable: true, description: '一个责任追究案件（单位只能看本单位的）' })
  accountabilityCase(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return this.accountability.get(ctx, id);
  }

  @Authorized()
  @Query(() => AccountabilityCaseList)
  accountabilityCases(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => AccountabilityCaseFilter, { nullable: true }) filter?: AccountabilityCaseFilter,
    @Arg('options', () => ListOptions, { nullable: true }) options?: ListOptions,
  ) {
    return this.accountability.list(ctx, filter, options);
  }

  @Authorized()
  @Query(() => [ProposedAccountabilityCase], { description: '逾期单位的立案建议（按截止日期即时计算）' })
  proposedAccountabilityCases(@Ctx() ctx: RequestContext, @Arg('year', () => Int) year: number, @Arg('regionId', () => ID, { nullable: true, description: '所辖范围内的某一地区（不填为本级地区）' }) regionId?: string) {
    return this.accountability.proposals(ctx, year, regionId);
  }

  @Authorized()
  @Query(() => [AgencyProgressInfo], { description: '逾期的单位报告' })
  overdueReports(@Ctx() ctx: RequestContext, @Arg('year', () => Int) year: number, @Arg('regionId', () => ID, { nullable: true, description: '所辖范围内的某一地区（不填为本级地区）' }) regionId?: string) {
    return this.accountability.overdueReports(ctx, year, regionId);
  }

  @Authorized()
  @Query(() => [AgencyProgressInfo], { description: '所辖地区（或其中某一地区）各单位本年度报告进度（政务公开办看板）' })
  cycleProgress(@Ctx() ctx: RequestContext, @Arg('year', () => Int) year: number, @Arg('regionId', () => ID, { nullable: true, description: '所辖范围内的某一地区（不填为本级地区）' }) regionId?: string) {
    return this.progress.cycleProgress(ctx, year, regionId);
  }

  @FieldResolver(() => Agency, { description: '被立案的单位' })
  async agency(@Root() row: AccountabilityCase, @Ctx() ctx: RequestContext): Promise<Agency> {
    return (await ctx.loaders.agency.load(row.agencyId))!;
  }

  @FieldResolver(() => [String], { description: '当前用户可做的操作：respond（报送整改情况）、rectify（要求继续整改）、close（结案）' })
  availableActions(@Root() row: AccountabilityCase, @Ctx() ctx: RequestContext): string[] {
    return caseActions(actorOf(ctx), row);
  }

  @FieldResolver(() => [String], { description: '可做操作的中文名称（与 availableActions 一一对应）' })
  availableActionLabels(@Root() row: AccountabilityCase, @Ctx() ctx: RequestContext): string[] {
    return caseActions(actorOf(ctx), row).map((a) => CASE_ACTION_LABELS[a]);
  }

  @FieldResolver(() => Report, { nullable: true, description: '涉及的报告' })
  async report(@Root() row: AccountabilityCase, @Ctx() ctx: RequestContext): Promise<Report | null> {
    return row.reportId ? ctx.manager.findOne(Report, { where: { id: row.reportId } }) : null;
  }

  @FieldResolver(() => [AuditEntry], { description: '作为事实依据关联的审计记录（单位用户只见本单位的）' })
  async auditEntries(@Root() row: AccountabilityCase, @Ctx() ctx: RequestContext): Promise<AuditEntry[]> {
    if (!row.auditEntryIds?.length) return [];
    const entries = await ctx.manager.find(AuditEntry, { where: { id: In(row.auditEntryIds.map(Number)) }, order: { id: 'ASC' } });
    const actor = actorOf(ctx);
    return actor && hasCountyScope(actor) ? entries : entries.filter((e) => e.agencyId === row.agencyId);
  }

  @FieldResolver(() => String, { description: '案件标题，例如“盐池县公安局 2025 年度报告逾期未报送”（列表和链接用它，不用编号）' })
  async title(@Root() row: AccountabilityCase, @Ctx() ctx: RequestContext): Promise<string> {
    const agency = await ctx.loaders.agency.load(row.agencyId);
    return caseTitle({ agencyName: agency?.name ?? '（已删除的单位）', year: row.year, kind: row.kind });
  }
}
