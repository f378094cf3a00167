import { describe, expect, it } from 'vitest';
import { compareAgencyCellValues } from '../src/aggregate';

describe('the order of a cell’s 分单位明细', () => {
  it('largest first, blanks last, equal values by name in pinyin order', () => {
    const sorted = [
      { agencyName: '甲', value: 1 },
      { agencyName: '乙', value: null },
      { agencyName: '丙', value: 7 },
      { agencyName: '丁', value: 0 },
      { agencyName: '民政局', value: 1 },
      { agencyName: '安监局', value: null },
    ].sort(compareAgencyCellValues);
    expect(sorted.map((i) => `${i.agencyName}:${i.value}`)).toEqual(['丙:7', '甲:1', '民政局:1', '丁:0', '安监局:null', '乙:null']);
  });
});
