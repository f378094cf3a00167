import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { AuditEntry } from './audit-entry.entity';

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
