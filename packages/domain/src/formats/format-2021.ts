/** 《中华人民共和国政府信息公开工作年度报告格式》, 国办公开办函〔2021〕30号: the 2021 report on. */
import { cellsOf, COMMON_RULES, SECTIONS, T3_OTHER_ROWS_2021, table3, TABLE_4 } from './common';
import type { ColumnDefinition, DemoTable2Input, FormatDefinition, TableDefinition } from './types';

const ITEM_LABEL_HEADER = '信息内容';
const decisions: ColumnDefinition = { id: 'decisions', label: '本年处理决定数量', kind: 'count' };

const TABLE_2: TableDefinition = {
  id: 't2',
  title: '二、主动公开政府信息情况',
  blocks: [
    {
      id: 'item1',
      title: '第二十条第（一）项',
      groups: [],
      labelHeader: ITEM_LABEL_HEADER,
      columns: [
        { id: 'issued', label: '本年制发件数', kind: 'count' },
        { id: 'repealed', label: '本年废止件数', kind: 'count' },
        { id: 'inForce', label: '现行有效件数', kind: 'count' },
      ],
      rows: [
        { id: 'rules', label: '规章', groups: [] },
        { id: 'normativeDocs', label: '行政规范性文件', groups: [] },
      ],
    },
    {
      id: 'item5',
      title: '第二十条第（五）项',
      groups: [],
      labelHeader: ITEM_LABEL_HEADER,
      columns: [decisions],
      rows: [{ id: 'licensing', label: '行政许可', groups: [] }],
    },
    {
      id: 'item6',
      title: '第二十条第（六）项',
      groups: [],
      labelHeader: ITEM_LABEL_HEADER,
      columns: [decisions],
      rows: [
        { id: 'penalty', label: '行政处罚', groups: [] },
        { id: 'coercion', label: '行政强制', groups: [] },
      ],
    },
    {
      id: 'item8',
      title: '第二十条第（八）项',
      groups: [],
      labelHeader: ITEM_LABEL_HEADER,
      columns: [{ id: 'amount', label: '本年收费金额（单位：万元）', kind: 'amount', unit: '万元', decimals: 4 }],
      rows: [{ id: 'fees', label: '行政事业性收费', groups: [] }],
    },
  ],
};

const tables = [TABLE_2, table3(T3_OTHER_ROWS_2021), TABLE_4];

/** the generator's table 2: 现行有效件数 continuing last year's, decisions and fees sized to the agency */
function demoTable2({ rng, cells, lastYear, scale, amountInWan }: DemoTable2Input) {
  for (const [row, mean] of [['rules', 0.1], ['normativeDocs', 3]] as const) {
    const before = lastYear ? (lastYear.cells[`t2.${row}.inForce`] ?? 0) : rng.count(mean * 6 * scale);
    const issued = rng.count(mean * scale);
    const repealed = rng.int(0, Math.min(before + issued, 2));
    cells[`t2.${row}.issued`] = issued;
    cells[`t2.${row}.repealed`] = repealed;
    cells[`t2.${row}.inForce`] = before + issued - repealed;
  }
  cells['t2.licensing.decisions'] = rng.count(10 * scale);
  cells['t2.penalty.decisions'] = rng.count(40 * scale);
  cells['t2.coercion.decisions'] = rng.count(2 * scale);
  cells['t2.fees.amount'] = rng.chance(0.5) ? 0 : amountInWan(500000 * scale);
}

export const FORMAT_2021: FormatDefinition = {
  id: '2021',
  name: '中华人民共和国政府信息公开工作年度报告格式',
  notice: '国办公开办函〔2021〕30号',
  years: { from: 2021 },
  sections: SECTIONS,
  tables,
  cells: cellsOf(tables),
  importMarkers: [
    '本年制发件数',
    '本年废止件数',
    '现行有效件数',
    '本年收费金额',
    '本年处理决定数量',
    '行政规范性文件',
    '逾期不补正',
    '逾期未按收费通知要求缴纳费用',
  ],
  // 信息处理费 are reported from 2021 on (《政府信息公开信息处理费管理办法》)
  rules: [...COMMON_RULES, 't2.inForce', 's6.processingFee'],
  // 现行有效件数 continues a 2021-format report's (checked by t2.inForce; nothing is filled in advance:
  // it depends on this year's 制发 and 废止)
  carryOver: { '2021': {} },
  demo: { table2: demoTable2 },
};
