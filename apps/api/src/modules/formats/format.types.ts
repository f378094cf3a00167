import { SECTIONS } from '@touming/domain/formats';
import { Field, Float, ObjectType } from 'type-graphql';

/** the description of a section key field: the text sections' keys with their official headings */
export const SECTION_KEY_DESCRIPTION = `文字部分：${SECTIONS.filter((s) => s.kind === 'text')
  .map((s) => `${s.key}（${s.title}）`)
  .join(' | ')}`;

/** one cell of a table as drawn: its key, this report's value and, for totals, the sum of its parts */
@ObjectType({ simpleResolvers: true })
export class TableCell {
  @Field()
  key: string;

  @Field(() => Float, { nullable: true, description: '空白为 null（空白不等于 0）' })
  value: number | null;

  @Field(() => Float, { nullable: true, description: '合计单元格：各分项之和（供对照）' })
  computed: number | null;
}

@ObjectType({ simpleResolvers: true })
export class TableRow {
  @Field()
  id: string;

  @Field()
  label: string;

  @Field(() => [String])
  groups: string[];

  @Field()
  isTotal: boolean;

  @Field(() => [TableCell])
  cells: TableCell[];
}

@ObjectType({ simpleResolvers: true })
export class TableColumn {
  @Field()
  id: string;

  @Field()
  label: string;

  @Field({ description: '单元格类型：count 件数（非负整数）| change 增/减（整数，可为负）| amount 金额（非负，可有小数）' })
  kind: string;

  @Field(() => String, { nullable: true })
  group: string | null;

  @Field()
  isTotal: boolean;

  @Field(() => String, { nullable: true })
  unit: string | null;
}

@ObjectType({ simpleResolvers: true })
export class TableBlock {
  @Field()
  id: string;

  @Field()
  title: string;

  @Field(() => [String])
  groups: string[];

  @Field()
  labelHeader: string;

  @Field(() => [TableColumn])
  columns: TableColumn[];

  @Field(() => [TableRow])
  rows: TableRow[];
}

@ObjectType({ simpleResolvers: true })
export class ReportTable {
  @Field()
  id: string;

  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field(() => String, { nullable: true })
  columnHeader: string | null;

  @Field(() => [TableBlock])
  blocks: TableBlock[];
}

@ObjectType('FormatDefinition', { simpleResolvers: true, description: '报告格式（表格的官方版式；数值为 null）' })
export class FormatDefinitionType {
  @Field()
  id: string;

  @Field()
  name: string;

  @Field()
  notice: string;

  @Field(() => [ReportTable])
  tables: ReportTable[];
}
