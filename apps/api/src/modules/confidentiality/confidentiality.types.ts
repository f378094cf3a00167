import { CHECK_CONCLUSION_LABELS, CONFIDENTIALITY_CHECKS } from '@touming/domain/confidentiality';
import { Field, InputType, ObjectType } from 'type-graphql';
import { BlockerInfo } from '../workflow/workflow.types';
import { ConfidentialityReview } from './confidentiality-review.entity';
import { Finding } from './finding.entity';

const CHECK_KEY_DESCRIPTION = `审查项：${CONFIDENTIALITY_CHECKS.map((c) => `${c.key}（${c.label}）`).join(' | ')}`;
const CHECK_CONCLUSION_DESCRIPTION = Object.entries(CHECK_CONCLUSION_LABELS)
  .map(([value, label]) => `${value} ${label}`)
  .join(' | ');

@ObjectType({ description: '保密审查的一项（两秘密一隐私、三安全一稳定）' })
export class ReviewCheck {
  @Field({ description: CHECK_KEY_DESCRIPTION })
  key: string;

  @Field()
  label: string;

  @Field({ description: '审查问题' })
  question: string;

  @Field(() => String, { nullable: true, description: `${CHECK_CONCLUSION_DESCRIPTION}；null 为尚未作出结论` })
  conclusion: string | null;

  @Field(() => String, { nullable: true })
  note: string | null;
}

@ObjectType({ description: '报告的保密审查情况' })
export class ReportConfidentiality {
  @Field(() => ConfidentialityReview, { nullable: true, description: '有效的审查记录（优先为当前内容的）' })
  review: ConfidentialityReview | null;

  @Field(() => [Finding], { description: '扫描发现（待处理和已忽略的）' })
  findings: Finding[];

  @Field({ description: '审查已通过：七项均无问题、结论为公开、针对当前内容、无待处理发现' })
  cleared: boolean;

  @Field(() => [BlockerInfo])
  blockers: BlockerInfo[];
}

@InputType()
export class ReviewCheckInput {
  @Field({ description: CHECK_KEY_DESCRIPTION })
  key: string;

  @Field({ description: CHECK_CONCLUSION_DESCRIPTION })
  conclusion: string;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType({ description: '保密审查记录' })
export class ConfidentialityReviewInput {
  @Field(() => [ReviewCheckInput])
  checks: ReviewCheckInput[];

  @Field(() => String, { nullable: true, description: 'OPEN 公开 | EXEMPT 免于公开 | REFER 须报审；默认按各项结论' })
  conclusion?: string | null;

  @Field(() => [String], { nullable: true, description: '依据：art14 | art15 | art16 | art17' })
  bases?: string[] | null;

  @Field(() => String, { nullable: true, description: '公开属性：PROACTIVE 主动公开（默认）| ON_REQUEST | WITHHELD | REDACTED' })
  disclosure?: string | null;

  @Field(() => String, { nullable: true })
  note?: string | null;
}
