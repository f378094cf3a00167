import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { ListOptions } from '../../common/list';
import { AuditEntry } from './audit-entry.entity';
import { AuditQueryService } from './audit-query.service';
import { AuditChainResult, AuditEntryList, AuditFilter } from './audit.types';

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

  @FieldResolver(() => GraphQLJSONObject, { nullable: true, description: '修改前后的值、理由等' })
  detail(@Root() entry: AuditEntry): Record<string, unknown> | null {
    return entry.detail;
  }
}
