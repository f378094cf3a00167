/**
 * Parts shared by both formats: the sections, table 3 (but for its （六）其他处理 rows) and table 4.
 * Labels are copied character for character from the official templates (国办公开办函〔2019〕60号 and
 * 〔2021〕30号).
 */
import type {
  CellDefinition,
  ColumnDefinition,
  RowDefinition,
  SectionDefinition,
  TableBlockDefinition,
  TableDefinition,
} from './types';

/**
 * The consistency rules (ids of validation's RULES) that hold for every format so far: the 勾稽关系 of
 * tables 3 and 4, cell kinds and blanks, and the narrative and cross-year checks that do not depend on
 * table 2. A format lists these plus its own (e.g. format 2021's s6.processingFee).
 */
export const COMMON_RULES: readonly string[] = [
  't3.rowTotal',
  't3.columnTotal',
  't3.balance',
  't4.blockTotal',
  'cell.kind',
  'cell.blank',
  't3.carryOver',
  'text.numbers',
  't3.otherHigh',
  's1.length',
  's5.similarity',
  'format.superseded',
];

export const SECTIONS: SectionDefinition[] = [
  { key: 'overview', number: '一', title: '一、总体情况', kind: 'text' },
  { key: 't2', number: '二', title: '二、主动公开政府信息情况', kind: 'table' },
  { key: 't3', number: '三', title: '三、收到和处理政府信息公开申请情况', kind: 'table' },
  { key: 't4', number: '四', title: '四、政府信息公开行政复议、行政诉讼情况', kind: 'table' },
  { key: 'problems', number: '五', title: '五、存在的主要问题及改进情况', kind: 'text' },
  { key: 'other', number: '六', title: '六、其他需要报告的事项', kind: 'text' },
];

const count = (id: string, label: string, extra: Partial<ColumnDefinition> = {}): ColumnDefinition => ({
  id,
  label,
  kind: 'count',
  ...extra,
});

export const APPLICANT_GROUP = '法人或其他组织';

export const T3_COLUMNS: ColumnDefinition[] = [
  count('natural', '自然人'),
  count('commercial', '商业企业', { group: APPLICANT_GROUP }),
  count('research', '科研机构', { group: APPLICANT_GROUP }),
  count('nonprofit', '社会公益组织', { group: APPLICANT_GROUP }),
  count('legal', '法律服务机构', { group: APPLICANT_GROUP }),
  count('otherOrg', '其他', { group: APPLICANT_GROUP }),
  count('total', '总计', { isTotal: true }),
];

/** the six applicant columns whose sum is the 总计 column */
export const T3_APPLICANT_COLUMNS = T3_COLUMNS.filter((c) => !c.isTotal).map((c) => c.id);

const RESULTS = '三、本年度办理结果';
const WITHHELD = '（三）不予公开';
const UNAVAILABLE = '（四）无法提供';
const DECLINED = '（五）不予处理';
export const OTHER_HANDLING = '（六）其他处理';

const T3_HEAD_ROWS: RowDefinition[] = [
  { id: 'new', label: '一、本年新收政府信息公开申请数量', groups: [] },
  { id: 'carried', label: '二、上年结转政府信息公开申请数量', groups: [] },
  { id: 'granted', label: '（一）予以公开', groups: [RESULTS] },
  { id: 'partial', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', groups: [RESULTS] },
  { id: 'withheld.stateSecret', label: '1.属于国家秘密', groups: [RESULTS, WITHHELD] },
  { id: 'withheld.prohibitedByLaw', label: '2.其他法律行政法规禁止公开', groups: [RESULTS, WITHHELD] },
  { id: 'withheld.threeSecurities', label: '3.危及“三安全一稳定”', groups: [RESULTS, WITHHELD] },
  { id: 'withheld.thirdParty', label: '4.保护第三方合法权益', groups: [RESULTS, WITHHELD] },
  { id: 'withheld.internalAffairs', label: '5.属于三类内部事务信息', groups: [RESULTS, WITHHELD] },
  { id: 'withheld.processInfo', label: '6.属于四类过程性信息', groups: [RESULTS, WITHHELD] },
  { id: 'withheld.enforcementFile', label: '7.属于行政执法案卷', groups: [RESULTS, WITHHELD] },
  { id: 'withheld.queryMatter', label: '8.属于行政查询事项', groups: [RESULTS, WITHHELD] },
  { id: 'unavailable.notHeld', label: '1.本机关不掌握相关政府信息', groups: [RESULTS, UNAVAILABLE] },
  { id: 'unavailable.needsCreation', label: '2.没有现成信息需要另行制作', groups: [RESULTS, UNAVAILABLE] },
  { id: 'unavailable.unclear', label: '3.补正后申请内容仍不明确', groups: [RESULTS, UNAVAILABLE] },
  { id: 'declined.complaint', label: '1.信访举报投诉类申请', groups: [RESULTS, DECLINED] },
  { id: 'declined.repeated', label: '2.重复申请', groups: [RESULTS, DECLINED] },
  { id: 'declined.publication', label: '3.要求提供公开出版物', groups: [RESULTS, DECLINED] },
  { id: 'declined.excessive', label: '4.无正当理由大量反复申请', groups: [RESULTS, DECLINED] },
  { id: 'declined.confirmation', label: '5.要求行政机关确认或重新出具已获取信息', groups: [RESULTS, DECLINED] },
];

const T3_TAIL_ROWS: RowDefinition[] = [
  { id: 'total', label: '（七）总计', groups: [RESULTS], isTotal: true },
  { id: 'carryForward', label: '四、结转下年度继续办理', groups: [] },
];

export const T3_OTHER_ROWS_2019: RowDefinition[] = [{ id: 'other', label: '（六）其他处理', groups: [RESULTS] }];

export const T3_OTHER_ROWS_2021: RowDefinition[] = [
  {
    id: 'other.noCorrection',
    label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    groups: [RESULTS, OTHER_HANDLING],
  },
  {
    id: 'other.unpaidFee',
    label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    groups: [RESULTS, OTHER_HANDLING],
  },
  { id: 'other.other', label: '3.其他', groups: [RESULTS, OTHER_HANDLING] },
];

export function table3(otherRows: RowDefinition[]): TableDefinition {
  return {
    id: 't3',
    title: '三、收到和处理政府信息公开申请情况',
    note: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
    columnHeader: '申请人情况',
    blocks: [
      {
        id: 't3',
        title: '',
        groups: [],
        labelHeader: '',
        columns: T3_COLUMNS,
        rows: [...T3_HEAD_ROWS, ...otherRows, ...T3_TAIL_ROWS],
      },
    ],
  };
}

/** rows of table 3 that are 办理结果 items, summed into （七）总计 */
export function t3ResultRowIds(table: TableDefinition): string[] {
  return table.blocks[0].rows.filter((r) => r.groups[0] === RESULTS && !r.isTotal).map((r) => r.id);
}

const T4_COLUMNS: ColumnDefinition[] = [
  count('upheld', '结果维持'),
  count('corrected', '结果纠正'),
  count('other', '其他结果'),
  count('pending', '尚未审结'),
  count('total', '总计', { isTotal: true }),
];
export const T4_PART_COLUMNS = T4_COLUMNS.filter((c) => !c.isTotal).map((c) => c.id);

const t4Block = (id: string, title: string, groups: string[]): TableBlockDefinition => ({
  id,
  title,
  groups,
  labelHeader: '',
  columns: T4_COLUMNS,
  rows: [{ id: '', label: title, groups }],
});

export const TABLE_4: TableDefinition = {
  id: 't4',
  title: '四、政府信息公开行政复议、行政诉讼情况',
  blocks: [
    t4Block('reconsideration', '行政复议', []),
    t4Block('litigationDirect', '未经复议直接起诉', ['行政诉讼']),
    t4Block('litigationAfterReconsideration', '复议后起诉', ['行政诉讼']),
  ],
};

/** the cell key of a (block, row, column) in a table: the public scheme t2.<row>.<col>, t3.<row>.<col>, t4.<block>.<col> */
export function cellKeyOf(table: TableDefinition, block: TableBlockDefinition, row: RowDefinition, column: ColumnDefinition) {
  if (table.id === 't4') return `t4.${block.id}.${column.id}`;
  return `${table.id}.${row.id}.${column.id}`;
}

function tableName(id: string) {
  return id === 't2' ? '表二' : id === 't3' ? '表三' : '表四';
}

/** every cell of the tables, in layout order (block by block, row by row, column by column) */
export function cellsOf(tables: TableDefinition[]): CellDefinition[] {
  const cells: CellDefinition[] = [];
  for (const table of tables) {
    for (const block of table.blocks) {
      for (const row of block.rows) {
        for (const column of block.columns) {
          const where =
            table.id === 't4'
              ? [...block.groups, block.title].join('·')
              : table.id === 't2'
                ? `${block.title} ${row.label}`
                : row.label;
          cells.push({
            key: cellKeyOf(table, block, row, column),
            table: table.id,
            block: block.id,
            row: row.id,
            column: column.id,
            kind: column.kind,
            unit: column.unit,
            decimals: column.decimals,
            label: `${tableName(table.id)} ${where} · ${column.label}${column.unit && !column.label.includes(column.unit) ? `（${column.unit}）` : ''}`,
            isTotal: Boolean(column.isTotal || row.isTotal),
          });
        }
      }
    }
  }
  return cells;
}
