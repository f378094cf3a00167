import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { Report } from '../reports/report.entity';
import { User } from '../users/user.entity';
import { workflowLoaders } from '../workflow/loaders';
import { Contribution } from './contribution.entity';
import { ContributionService } from './contribution.service';
import { ContributionChange, ContributionTarget, OverdueContribution } from './contribution.types';

@Resolver(() => Contribution)
export class ContributionResolver {
  constructor(private readonly service: ContributionService) {}

  @Authorized()
  @Mutation(() => Contribution, { description: '填报人将报告的一部分分配给股室/下属单位' })
  assignContribution(
    @Ctx() ctx: RequestContext,
    @Arg('reportId', () => ID) reportId: string,
    @Arg('assigneeId', () => ID) assigneeId: string,
    @Arg('target') target: string,
    @Arg('dueDate') dueDate: string,
    @Arg('note', () => String, { nullable: true }) note?: string | null,
  ) {
    return this.service.assign(ctx, { reportId, assigneeId, target, dueDate, note });
  }

  @Authorized()
  @Mutation(() => Contribution, { description: '被分配人报送（标记完成）' })
  deliverContribution(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return this.service.deliver(ctx, id);
  }

  @Authorized()
  @Mutation(() => Contribution, { description: '填报人接受已报送的填报内容' })
  acceptContribution(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return this.service.accept(ctx, id);
  }

  @Authorized()
  @Mutation(() => Contribution, { description: '填报人将已报送的填报内容退回修改（须填写退回意见）' })
  returnContribution(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('comment') comment: string) {
    return this.service.sendBack(ctx, id, comment);
  }

  @Authorized()
  @Query(() => [User], { description: '可分配填报任务的本单位股室/下属单位用户' })
  contributionAssignees(@Ctx() ctx: RequestContext, @Arg('reportId', () => ID) reportId: string) {
    return this.service.assignees(ctx, reportId);
  }

  @Authorized()
  @Query(() => [Contribution])
  contributions(@Ctx() ctx: RequestContext, @Arg('reportId', () => ID) reportId: string) {
    return this.service.list(ctx, reportId);
  }

  @Authorized()
  @Query(() => [OverdueContribution], { description: '逾期未报送的填报任务' })
  overdueContributions(@Ctx() ctx: RequestContext) {
    return this.service.overdueList(ctx);
  }

  @Authorized()
  @Query(() => [ContributionTarget], { description: '该报告可分配的填报范围' })
  contributionTargets(@Ctx() ctx: RequestContext, @Arg('reportId', () => ID) reportId: string) {
    return this.service.targets(ctx, reportId);
  }

  @FieldResolver(() => [ContributionChange], { complexity: 3, description: '被分配人在其填报范围内修改的内容' })
  changes(@Root() c: Contribution, @Ctx() ctx: RequestContext) {
    return this.service.changes(ctx, c);
  }

  @FieldResolver(() => [String], { complexity: 2, description: '当前用户现在可做的操作：deliver 报送、accept 接受、return 退回' })
  availableActs(@Root() c: Contribution, @Ctx() ctx: RequestContext) {
    return this.service.acts(ctx, c);
  }

  @FieldResolver(() => Boolean, { description: '已过完成期限且尚未报送或接受' })
  overdue(@Root() c: Contribution): boolean {
    return this.service.overdue(c);
  }

  @FieldResolver(() => User, { nullable: true })
  async assignedBy(@Root() c: Contribution, @Ctx() ctx: RequestContext): Promise<User | null> {
    return (await workflowLoaders(ctx).users.load(c.assignedById)) ?? null;
  }

  @FieldResolver(() => User, { nullable: true })
  async assignee(@Root() c: Contribution, @Ctx() ctx: RequestContext): Promise<User | null> {
    return (await workflowLoaders(ctx).users.load(c.assigneeId)) ?? null;
  }
}

@Resolver(() => Report)
export class ReportContributionsResolver {
  constructor(private readonly service: ContributionService) {}

  @FieldResolver(() => [String], { complexity: 3, description: '当前用户可修改的单元格（填报人：全部；股室/下属单位：分配给其的部分，仅草稿阶段）' })
  async editableCells(@Root() report: Report, @Ctx() ctx: RequestContext): Promise<string[]> {
    return (await this.service.editable(ctx, report)).cells;
  }

  @FieldResolver(() => [String], { complexity: 3, description: '当前用户可修改的文字部分（overview/problems/other）' })
  async editableSections(@Root() report: Report, @Ctx() ctx: RequestContext): Promise<string[]> {
    return (await this.service.editable(ctx, report)).sections;
  }

  @FieldResolver(() => [Contribution], { complexity: 3, description: '股室/下属单位填报任务' })
  contributions(@Root() report: Report, @Ctx() ctx: RequestContext) {
    return workflowLoaders(ctx).contributions.load(report.id);
  }
}
