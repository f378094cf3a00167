import { describe, expect, it } from 'vitest';
import { changeLabel, fileNameOf } from '../src/county/download';
import { sortBreakdown } from '../src/county/CellBreakdownDrawer';

describe('county summary helpers', () => {
  it('reads the UTF-8 file name of a download before the plain one', () => {
    const name = '全县政府信息公开工作年度报告汇总-2023.xlsx';
    expect(fileNameOf(`attachment; filename="summary.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`, 'x')).toBe(name);
    expect(fileNameOf('attachment; filename="summary.csv"', 'x')).toBe('summary.csv');
    expect(fileNameOf(null, 'fallback.csv')).toBe('fallback.csv');
  });

  it('shows the change from last year as an arrow, and nothing when not comparable', () => {
    expect(changeLabel(3)).toEqual({ text: '↑3', direction: 'up' });
    expect(changeLabel(-2.5)).toEqual({ text: '↓2.5', direction: 'down' });
    expect(changeLabel(0)).toEqual({ text: '—', direction: 'same' });
    expect(changeLabel(null)).toBeNull();
  });

  it('sorts a breakdown largest first with blanks last', () => {
    const sorted = sortBreakdown([
      { agencyName: '甲', value: 1 },
      { agencyName: '乙', value: null },
      { agencyName: '丙', value: 7 },
      { agencyName: '丁', value: 0 },
    ]);
    expect(sorted.map((i) => i.value)).toEqual([7, 1, 0, null]);
  });
});
