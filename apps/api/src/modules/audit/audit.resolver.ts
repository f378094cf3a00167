import { auditActionLabel, auditCategoryOf, type AuditCategory } from '@touming/domain/audit';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { ListOptions } from '../../common/list';
import { AuditEntry } from './audit-entry.entity';
import { AuditQueryService } from './audit-query.service';
import { Agency } from '../agencies/agency.entity';
import { AuditCategoryEnum, AuditChainResult, AuditEntryList, AuditFilter } from './audit.types';

@Resolver(() => AuditEntry)
export class AuditResolver {
  constructor(private readonly audit: AuditQueryService) {}

  @Authorized()
  @Query(() => AuditEntryList, { description: '审计记录（县政务公开办：全部；单位用户：本单位）' })
  auditEntries(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => AuditFilter, { nullable: true }) filter?: AuditFilter,
    @Arg('options', () => ListOptions, { nullable: true }) options?: ListOptions,
  ) {
    return this.audit.list(ctx, filter, options);
  }

  @Authorized()
  @Query(() => AuditChainResult, { description: '校验审计哈希链（县政务公开办）' })
  verifyAuditChain(@Ctx() ctx: RequestContext) {
    return this.audit.verify(ctx);
  }

  @FieldResolver(() => GraphQLJSONObject, { nullable: true, description: '修改前后的值、理由等（字段名和代码值的中文见 @touming/domain/audit）' })
  detail(@Root() entry: AuditEntry): Record<string, unknown> | null {
    return entry.detail;
  }

  @FieldResolver(() => String, { description: '动作的中文名称，例如“审批签署（主要领导）”' })
  actionLabel(@Root() entry: AuditEntry): string {
    return auditActionLabel(entry.action);
  }

  @FieldResolver(() => AuditCategoryEnum, { description: '动作的类别' })
  category(@Root() entry: AuditEntry): AuditCategory {
    return auditCategoryOf(entry.action);
  }

  @FieldResolver(() => Agency, { nullable: true, description: '所属单位（按请求批量读取）' })
  async agency(@Root() entry: AuditEntry, @Ctx() ctx: RequestContext): Promise<Agency | null> {
    return entry.agencyId ? ctx.loaders.agency.load(entry.agencyId) : null;
  }
}
