import { describe, expect, it } from 'vitest';
import { FORMAT_2021 } from '@touming/domain/formats';
import { isBlock, neighbour, placeBlock, splitBlock, tableGrid } from '../src/editor/grid';

const table = (id: string) => FORMAT_2021.tables.find((t) => t.id === id)!;

describe('a report table as a spreadsheet grid', () => {
  it('lays table 3 out row by row and table 4 as one row, every cell of the format once', () => {
    const t3 = tableGrid(table('t3'));
    expect(t3[0]).toEqual(['natural', 'commercial', 'research', 'nonprofit', 'legal', 'otherOrg', 'total'].map((c) => `t3.new.${c}`));
    expect(t3[1][0]).toBe('t3.carried.natural');
    const t4 = tableGrid(table('t4'));
    expect(t4).toHaveLength(1);
    expect(t4[0][0]).toBe('t4.reconsideration.upheld');
    const all = [...t3, ...t4, ...tableGrid(table('t2'))].flat().sort();
    expect(all).toEqual(FORMAT_2021.cells.map((c) => c.key).sort());
  });

  it('moves like a spreadsheet and stops at the edges', () => {
    const grid = tableGrid(table('t3'));
    expect(neighbour(grid, 't3.new.natural', 'down')).toBe('t3.carried.natural');
    expect(neighbour(grid, 't3.new.natural', 'up')).toBeNull();
    expect(neighbour(grid, 't3.new.natural', 'left')).toBeNull();
    expect(neighbour(grid, 't3.new.natural', 'right')).toBe('t3.new.commercial');
    expect(neighbour(grid, 't3.new.total', 'right')).toBeNull();
  });

  it('reads a block copied from Excel (CRLF, trailing line break) and lays it from the cell pasted into', () => {
    expect(splitBlock('1\t2\r\n3\t4\r\n')).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(isBlock('12\r\n')).toBe(false);
    expect(isBlock('1\t2')).toBe(true);
    const grid = tableGrid(table('t3'));
    const placed = placeBlock(grid, 't3.new.legal', '1\t2\t３\t9\n\tabc\t0\n');
    expect(placed.values).toEqual({
      't3.new.legal': 1,
      't3.new.otherOrg': 2,
      't3.new.total': 3,
      't3.carried.legal': null,
      't3.carried.total': 0,
    });
    expect(placed.invalid).toEqual({ 't3.carried.otherOrg': 'abc' });
    expect(placed.outside).toBe(1);
    expect([placed.rows, placed.columns]).toEqual([2, 4]);
  });
});
