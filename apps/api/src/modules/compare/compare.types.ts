import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { RuleResult } from '../reports/report.types';

@ObjectType({ simpleResolvers: true, description: '正文的一段：相同、新增、删去或改写' })
export class ParagraphDiff {
  @Field({ description: 'same 相同 | added 新增 | removed 删去 | changed 改写' })
  change: string;

  @Field(() => String, { nullable: true, description: '比对前的段落' })
  before: string | null;

  @Field(() => String, { nullable: true, description: '比对后的段落' })
  after: string | null;

  @Field(() => Float, { nullable: true, description: '改写前后的相似度（0–1）' })
  similarity: number | null;
}

@ObjectType({ simpleResolvers: true, description: '逐句重复上年表述的一句' })
export class CopiedPassage {
  @Field()
  text: string;

  @Field(() => Float)
  similarity: number;
}

@ObjectType({ simpleResolvers: true, description: '一个正文部分的逐段比对' })
export class SectionComparison {
  @Field({ description: 'overview | problems | other' })
  key: string;

  @Field()
  title: string;

  @Field(() => Float, { description: '整个部分的相似度（0–1）' })
  similarity: number;

  @Field(() => [ParagraphDiff])
  paragraphs: ParagraphDiff[];

  @Field(() => [CopiedPassage])
  copied: CopiedPassage[];

  @Field(() => Float, { description: '逐句重复上年表述的文字所占比例（0–1）' })
  copiedShare: number;
}

@ObjectType({ simpleResolvers: true, description: '一个单元格的变化' })
export class CellComparison {
  @Field()
  key: string;

  @Field()
  table: string;

  @Field()
  label: string;

  @Field(() => Float, { nullable: true })
  before: number | null;

  @Field(() => Float, { nullable: true })
  after: number | null;

  @Field(() => Float, { nullable: true, description: '增减（任一为空白时为 null）' })
  change: number | null;

  @Field(() => Float, { nullable: true, description: '变化率，如 0.25 表示增长25%（比对前为0或空白时为 null）' })
  percent: number | null;

  @Field(() => String, { nullable: true, description: '异常变化的类型：signFlip | jump | drop | fromZero | toZero | blanked | filled' })
  unusual: string | null;

  @Field(() => String, { nullable: true, description: '异常变化的中文说明' })
  unusualLabel: string | null;
}

@ObjectType({ simpleResolvers: true, description: '上年报告承诺的一项改进措施，本年是否提及' })
export class PromiseFollowUp {
  @Field()
  promise: string;

  @Field(() => String, { nullable: true, description: '本年报告中最接近的表述（未提及时为 null）' })
  reportedAs: string | null;

  @Field(() => Float)
  similarity: number;
}

@ObjectType({ simpleResolvers: true, description: '比对的一方' })
export class ComparedReport {
  @Field(() => ID, { description: '报告编号或公开版本编号' })
  id: string;

  @Field({ description: 'report 报告当前稿 | revision 公开版本' })
  kind: string;

  @Field(() => ID)
  reportId: string;

  @Field(() => Int, { nullable: true, description: '公开版本号（当前稿为 null）' })
  revisionNo: number | null;

  @Field()
  agency: string;

  @Field(() => Int)
  year: number;

  @Field()
  format: string;
}

@ObjectType({ simpleResolvers: true, description: '比对报告：同一单位两份报告的正文、表格和关键数字' })
export class ReportComparison {
  @Field(() => ComparedReport)
  before: ComparedReport;

  @Field(() => ComparedReport)
  after: ComparedReport;

  @Field({ description: '两份报告格式相同' })
  sameFormat: boolean;

  @Field(() => [String], { description: '摘要：最重要的发现，一句一条' })
  summary: string[];

  @Field(() => [SectionComparison])
  sections: SectionComparison[];

  @Field(() => [CellComparison], { description: '有变化的单元格，异常的在前' })
  changedCells: CellComparison[];

  @Field(() => Int)
  unchangedCells: number;

  @Field(() => [String], { description: '只在一种格式中存在、无法比较的单元格' })
  notComparable: string[];

  @Field({ description: '两份报告为相邻年度，核对了结转' })
  carryOverApplicable: boolean;

  @Field(() => String, { nullable: true, description: '不核对结转的原因' })
  carryOverNote: string | null;

  @Field(() => [RuleResult], { description: '与上年报告不衔接之处' })
  carryOverFailures: RuleResult[];

  @Field(() => [RuleResult], { description: '正文所述数字与表格不一致之处' })
  narrativeNumbers: RuleResult[];

  @Field(() => [PromiseFollowUp])
  promises: PromiseFollowUp[];
}

@ObjectType({ simpleResolvers: true, description: '批量比对中的一个单位' })
export class ComparisonBatchItem {
  @Field(() => ID)
  agencyId: string;

  @Field()
  agencyName: string;

  @Field(() => ID, { nullable: true, description: '本年度已公开的版本' })
  revisionId: string | null;

  @Field(() => ID, { nullable: true, description: '上年度已公开的版本' })
  previousRevisionId: string | null;

  @Field(() => String, { nullable: true, description: '无法比对的原因' })
  note: string | null;

  @Field(() => Int, { nullable: true, description: '值得关注的程度（越高越需要看；用于排序，不是质量得分）' })
  concernScore: number | null;

  @Field({ description: '第五部分照搬上年' })
  copiedProblems: boolean;

  @Field(() => Float, { nullable: true, description: '第五部分与上年的相似度' })
  problemsSimilarity: number | null;

  @Field(() => Int)
  unusualCells: number;

  @Field(() => Int)
  carryOverFailures: number;

  @Field(() => Int)
  narrativeDisagreements: number;

  @Field(() => Int)
  promisesNotReported: number;

  @Field(() => [String])
  reasons: string[];
}

@ObjectType({ simpleResolvers: true, description: '批量比对的一批单位（按单位名称分批，控制台据此显示进度）' })
export class ComparisonBatch {
  @Field(() => Int, { description: '全部单位数' })
  totalAgencies: number;

  @Field(() => Int)
  offset: number;

  @Field(() => [ComparisonBatchItem])
  items: ComparisonBatchItem[];
}
