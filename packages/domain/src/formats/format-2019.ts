/** 《中华人民共和国政府信息公开工作年度报告格式（试行）》, 国办公开办函〔2019〕60号: the 2019 and 2020 reports. */
import { cellsOf, COMMON_RULES, SECTIONS, T3_OTHER_ROWS_2019, table3, TABLE_4 } from './common';
import type { CarryOverMap, ColumnDefinition, DemoTable2Input, FormatDefinition, TableDefinition } from './types';

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

/** this year's 上一年项目数量 = last year's 上一年项目数量 + 本年增/减, for every row that has both */
function projectCarryOver(): CarryOverMap {
  const map: Record<string, string[]> = {};
  for (const block of TABLE_2.blocks) {
    if (!block.columns.some((c) => c.id === 'previous') || !block.columns.some((c) => c.id === 'change')) continue;
    for (const row of block.rows) map[`t2.${row.id}.previous`] = [`t2.${row.id}.previous`, `t2.${row.id}.change`];
  }
  return map;
}

/** the generator's table 2: counts sized to the agency, 上一年项目数量 continuing last year's */
function demoTable2({ rng, cells, lastYear, carried, scale, amountInWan }: DemoTable2Input) {
  for (const [row, mean] of [['rules', 0.1], ['normativeDocs', 3]] as const) {
    const made = rng.count(mean * scale);
    const published = made - rng.int(0, Math.min(made, 1));
    const before = lastYear ? (lastYear.cells[`t2.${row}.totalPublished`] ?? 0) : rng.count(mean * 8 * scale);
    cells[`t2.${row}.made`] = made;
    cells[`t2.${row}.published`] = published;
    cells[`t2.${row}.totalPublished`] = before + published;
  }
  for (const [row, mean] of [['licensing', 12], ['otherServices', 15], ['penalty', 80], ['coercion', 3], ['fees', 4]] as const) {
    const fromLast = lastYear ? carried[`t2.${row}.previous`] : null;
    const previousCount = fromLast ?? rng.count(mean * scale);
    cells[`t2.${row}.previous`] = previousCount;
    cells[`t2.${row}.change`] = rng.int(-Math.min(previousCount, 3), 4);
    if (row !== 'fees') cells[`t2.${row}.decisions`] = rng.count(mean * 0.6 * scale);
  }
  const projects = rng.count(6 * scale);
  cells['t2.procurement.projects'] = projects;
  cells['t2.procurement.amount'] = projects > 0 ? amountInWan(projects * 300000) : 0;
}

export const FORMAT_2019: FormatDefinition = {
  id: '2019',
  name: '政府信息公开工作年度报告格式（试行）',
  notice: '国办公开办函〔2019〕60号',
  years: { from: 2019, to: 2020 },
  sections: SECTIONS,
  tables,
  cells: cellsOf(tables),
  importMarkers: [
    '本年新制作数量',
    '本年新公开数量',
    '对外公开总数量',
    '上一年项目数量',
    '本年增/减',
    '其他对外管理服务事项',
    '采购总金额',
    '政府集中采购',
  ],
  rules: [...COMMON_RULES, 't2.projectCarryOver'],
  // table 2 continues only a 2019-format report: format 2021 has no 上一年项目数量
  carryOver: { '2019': projectCarryOver() },
  demo: { table2: demoTable2 },
};
