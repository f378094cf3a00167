/**
 * Entering the tables: blank totals filled from their parts (never an entered total replaced), and the
 * cell most likely mistyped when one wrong number fails several sums at once.
 */
import { describe, expect, it } from 'vitest';
import { FORMAT_IDS, getFormat } from '../src/formats';
import { computedTotals, fillableTotals, suspectCells, validateReport } from '../src/validation';
import { clone, pair } from './helpers/reports';

describe('fillableTotals', () => {
  for (const format of FORMAT_IDS) {
    it(`format ${format}: with every total blank, fills each with the value the report had (totals of totals too)`, () => {
      const { report } = pair(format, 3, 3);
      const totals = getFormat(format).cells.filter((c) => c.isTotal).map((c) => c.key);
      expect(totals.length).toBeGreaterThan(20);
      const blanked = clone(report);
      for (const key of totals) blanked.cells[key] = null;
      const filled = fillableTotals(blanked);
      expect(Object.keys(filled).sort()).toEqual([...totals].sort());
      for (const key of totals) expect(filled[key], key).toBe(report.cells[key]);
      const applied = { ...blanked, cells: { ...blanked.cells, ...filled } };
      const errors = validateReport(applied).errors.filter((r) => /Total|balance/.test(r.ruleId));
      expect(errors).toEqual([]);
    });
  }

  it('never replaces an entered total, even one that disagrees with its parts', () => {
    const { report } = pair('2021', 4);
    const r = clone(report);
    r.cells['t3.new.total'] = (r.cells['t3.new.total'] as number) + 5;
    r.cells['t4.reconsideration.total'] = null;
    const filled = fillableTotals(r);
    expect(filled).not.toHaveProperty('t3.new.total');
    expect(filled['t4.reconsideration.total']).toBe(computedTotals(r)['t4.reconsideration.total']);
  });

  it('leaves a total blank while one of its parts is blank or not a number, and the totals built on it', () => {
    const { report } = pair('2021', 5);
    const r = clone(report);
    r.cells['t3.granted.natural'] = null;
    r.cells['t3.granted.total'] = null;
    r.cells['t3.total.natural'] = null;
    r.cells['t3.total.total'] = null;
    r.cells['t3.partial.total'] = null;
    const filled = fillableTotals(r);
    expect(filled).not.toHaveProperty('t3.granted.total');
    expect(filled).not.toHaveProperty('t3.total.natural');
    expect(filled).not.toHaveProperty('t3.total.total');
    expect(filled['t3.partial.total']).toBe(report.cells['t3.partial.total']);
  });
});

describe('suspectCells', () => {
  it('is empty when every sum holds', () => {
    const { report } = pair('2021', 6);
    expect(suspectCells(report)).toEqual([]);
  });

  for (const format of FORMAT_IDS) {
    it(`format ${format}: a wrong number anywhere in table 3 is ranked first, with the value it should have`, () => {
      const { report } = pair(format, 7, 4);
      const keys = getFormat(format).cells.filter((c) => c.table === 't3').map((c) => c.key);
      for (const key of keys) {
        const r = clone(report);
        const right = r.cells[key] as number;
        r.cells[key] = right + 7;
        const failing = validateReport(r).errors.filter((e) => /Total|balance/.test(e.ruleId)).map((e) => e.id);
        expect(failing.length, key).toBeGreaterThanOrEqual(2);
        const [first, second] = suspectCells(r);
        expect(first.key, `typo in ${key}`).toBe(key);
        expect(first.suggested).toBe(right);
        expect(first.current).toBe(right + 7);
        // it explains every failing sum at once; nothing else does
        expect([...first.fixes].sort()).toEqual([...failing].sort());
        expect(first.breaks).toBe(0);
        if (second) expect(second.fixes.length - second.breaks).toBeLessThan(first.fixes.length);
      }
    });
  }

  it('among cells of one sum, the one a keystroke away from a consistent value comes first (a doubled digit, swapped digits)', () => {
    const { report } = pair('2021', 8, 4);
    const base = clone(report);
    base.cells['t4.reconsideration.upheld'] = 12;
    base.cells['t4.reconsideration.corrected'] = 3;
    base.cells['t4.reconsideration.other'] = 1;
    base.cells['t4.reconsideration.pending'] = 0;
    base.cells['t4.reconsideration.total'] = 16;
    expect(suspectCells(base)).toEqual([]);

    const doubled = clone(base);
    doubled.cells['t4.reconsideration.upheld'] = 122;
    expect(suspectCells(doubled)[0]).toMatchObject({ key: 't4.reconsideration.upheld', suggested: 12, fixes: ['t4.blockTotal:reconsideration'] });

    const swapped = clone(base);
    swapped.cells['t4.reconsideration.total'] = 61;
    expect(suspectCells(swapped)[0]).toMatchObject({ key: 't4.reconsideration.total', suggested: 16 });
  });

  it('offers no change to a negative count', () => {
    const { report } = pair('2021', 9, 4);
    const r = clone(report);
    r.cells['t4.reconsideration.upheld'] = 2;
    r.cells['t4.reconsideration.corrected'] = 0;
    r.cells['t4.reconsideration.other'] = 0;
    r.cells['t4.reconsideration.pending'] = 0;
    r.cells['t4.reconsideration.total'] = 1;
    // the parts add up to 2: a part at 0 would have to become -1
    const suspects = suspectCells(r);
    expect(suspects.map((s) => s.key).sort()).toEqual(['t4.reconsideration.total', 't4.reconsideration.upheld']);
    expect(suspects.every((s) => s.suggested >= 0)).toBe(true);
  });

  it('skips sums it cannot read (blank cells) instead of guessing', () => {
    const { report } = pair('2021', 10, 4);
    const r = clone(report);
    r.cells['t3.granted.natural'] = null;
    expect(suspectCells(r)).toEqual([]);
  });
});
