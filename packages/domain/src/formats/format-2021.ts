/** 《中华人民共和国政府信息公开工作年度报告格式》, 国办公开办函〔2021〕30号: the 2021 report on. */
import { cellsOf, SECTIONS, T3_OTHER_ROWS_2021, table3, TABLE_4 } from './common';
import type { ColumnDefinition, FormatDefinition, TableDefinition } from './types';

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

export const FORMAT_2021: FormatDefinition = {
  id: '2021',
  name: '中华人民共和国政府信息公开工作年度报告格式',
  notice: '国办公开办函〔2021〕30号',
  years: { from: 2021 },
  sections: SECTIONS,
  tables,
  cells: cellsOf(tables),
};
