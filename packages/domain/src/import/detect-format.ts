/** Which of the two formats a report follows, from the labels only one of them prints. */
import type { FormatId } from '../formats';
import { labelKey } from './text-utils';

const MARKERS: Record<FormatId, string[]> = {
  '2019': [
    '本年新制作数量',
    '本年新公开数量',
    '对外公开总数量',
    '上一年项目数量',
    '本年增/减',
    '其他对外管理服务事项',
    '采购总金额',
    '政府集中采购',
  ],
  '2021': [
    '本年制发件数',
    '本年废止件数',
    '现行有效件数',
    '本年收费金额',
    '本年处理决定数量',
    '行政规范性文件',
    '逾期不补正',
    '逾期未按收费通知要求缴纳费用',
  ],
};

/** how many markers of each format the text contains */
export function formatScores(text: string): Record<FormatId, number> {
  const key = labelKey(text);
  const score = (id: FormatId) => MARKERS[id].filter((m) => key.includes(labelKey(m))).length;
  return { '2019': score('2019'), '2021': score('2021') };
}
