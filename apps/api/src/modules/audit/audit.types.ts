import { AUDIT_CATEGORIES, AUDIT_CATEGORY_LABELS, type AuditCategory } from '@touming/domain/audit';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { domainEnum } from '../../common/domain-enum';
import { AuditEntry } from './audit-entry.entity';

export const AuditCategoryEnum = domainEnum('AuditCategory', AUDIT_CATEGORIES, AUDIT_CATEGORY_LABELS, '审计记录的类别（筛选用）');

@InputType({ description: '审计记录筛选' })
export class AuditFilter {
  @Field(() => ID, { nullable: true })
  reportId?: string | null;

  @Field(() => ID, { nullable: true })
  agencyId?: string | null;

  @Field(() => ID, { nullable: true })
  actorId?: string | null;

  @Field(() => String, { nullable: true, description: '动作；以 * 结尾时按前缀匹配，例如 report.*' })
  action?: string | null;

  @Field(() => [String], { nullable: true, description: '动作（任一），例如 ["report.approve", "report.return"]' })
  actions?: string[] | null;

  @Field(() => [AuditCategoryEnum], { nullable: true, description: '只看这些类别（任一）' })
  categories?: AuditCategory[] | null;

  @Field(() => [AuditCategoryEnum], { nullable: true, description: '不看这些类别，例如 [AUTH] 隐藏登录记录' })
  excludeCategories?: AuditCategory[] | null;

  @Field(() => Date, { nullable: true, description: '起始时间（含）' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: '截止时间（不含）' })
  to?: Date | null;
}

@ObjectType()
export class AuditEntryList {
  @Field(() => [AuditEntry])
  items: AuditEntry[];

  @Field(() => Int)
  totalItems: number;
}

@ObjectType({ description: '审计链校验结果' })
export class AuditChainResult {
  @Field()
  ok: boolean;

  @Field(() => Int, { description: '已校验的记录数' })
  checked: number;

  @Field(() => ID, { nullable: true, description: '第一条不再吻合的记录' })
  firstBrokenId: number | null;
}
