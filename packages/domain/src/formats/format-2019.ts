/** 《中华人民共和国政府信息公开工作年度报告格式（试行）》, 国办公开办函〔2019〕60号: the 2019 and 2020 reports. */
import { cellsOf, SECTIONS, T3_OTHER_ROWS_2019, table3, TABLE_4 } from './common';
import type { ColumnDefinition, FormatDefinition, TableDefinition } from './types';

const ITEM_LABEL_HEADER = '信息内容';
const previous: ColumnDefinition = { id: 'previous', label: '上一年项目数量', kind: 'count' };
const change: ColumnDefinition = { id: 'change', label: '本年增/减', kind: 'change' };
const decisions: ColumnDefinition = { id: 'decisions', label: '处理决定数量', kind: 'count' };

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
        { id: 'made', label: '本年新制作数量', kind: 'count' },
        { id: 'published', label: '本年新公开数量', kind: 'count' },
        { id: 'totalPublished', label: '对外公开总数量', kind: 'count' },
      ],
      rows: [
        { id: 'rules', label: '规章', groups: [] },
        { id: 'normativeDocs', label: '规范性文件', groups: [] },
      ],
    },
    {
      id: 'item5',
      title: '第二十条第（五）项',
      groups: [],
      labelHeader: ITEM_LABEL_HEADER,
      columns: [previous, change, decisions],
      rows: [
        { id: 'licensing', label: '行政许可', groups: [] },
        { id: 'otherServices', label: '其他对外管理服务事项', groups: [] },
      ],
    },
    {
      id: 'item6',
      title: '第二十条第（六）项',
      groups: [],
      labelHeader: ITEM_LABEL_HEADER,
      columns: [previous, change, decisions],
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
      columns: [previous, change],
      rows: [{ id: 'fees', label: '行政事业性收费', groups: [] }],
    },
    {
      id: 'item9',
      title: '第二十条第（九）项',
      groups: [],
      labelHeader: ITEM_LABEL_HEADER,
      columns: [
        { id: 'projects', label: '采购项目数量', kind: 'count' },
        // Reports write this in 元 or 万元; Touming stores 万元 (4 decimals keep 元 exact).
        { id: 'amount', label: '采购总金额', kind: 'amount', unit: '万元', decimals: 4 },
      ],
      rows: [{ id: 'procurement', label: '政府集中采购', groups: [] }],
    },
  ],
};

const tables = [TABLE_2, table3(T3_OTHER_ROWS_2019), TABLE_4];

export const FORMAT_2019: FormatDefinition = {
  id: '2019',
  name: '政府信息公开工作年度报告格式（试行）',
  notice: '国办公开办函〔2019〕60号',
  years: { from: 2019, to: 2020 },
  sections: SECTIONS,
  tables,
  cells: cellsOf(tables),
};
