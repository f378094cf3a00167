/**
 * A report table drawn exactly as the official template, from the domain's format definition:
 * table 2 as one small table per 第二十条 item (信息内容 | columns), table 3 with grouped row headers
 * (rowspan) under 申请人情况 with the 法人或其他组织 column group, table 4 as 行政复议 | 行政诉讼 →
 * 未经复议直接起诉 / 复议后起诉 in one row.
 */
import { Fragment, useCallback, useMemo, type ReactNode } from 'react';
import type {
  CellDefinition,
  ColumnDefinition,
  TableBlockDefinition,
  TableDefinition,
} from '@touming/domain/formats';
import type { CellValue } from '@touming/domain/report';
import type { RuleResult } from '@touming/domain/validation';
import { CellInput, type CellInputProps } from './CellInput';
import { neighbour, placeBlock, tableGrid, type Direction, type PastedBlock } from './grid';
import { rowAnchor, type ProblemIndex } from './problems';

export interface TableViewProps {
  table: TableDefinition;
  cellDefs: Map<string, CellDefinition>;
  values: Record<string, CellValue>;
  totals: Record<string, number | null>;
  previous: Record<string, CellValue> | null;
  showPrevious: boolean;
  problems: ProblemIndex;
  editedKeys: Set<string>;
  readOnly: boolean;
  /** when set, only these cells take input (a contributor's assignment); the others are read-only */
  editableKeys?: ReadonlySet<string> | null;
  onChange(key: string, value: CellValue): void;
  /** cells holding text that is not a number, and where such text is typed */
  invalid?: Record<string, string>;
  onInvalid?(key: string, text: string): void;
  /** a block copied from a spreadsheet, laid onto the table from the cell it was pasted into */
  onPasteBlock?(pasted: PastedBlock): void;
  /** the cell most likely mistyped, marked */
  suspect?: string | null;
  labels: CellInputProps['labels'];
  /** the publication preview: plain numbers, no inputs (and no duplicate data-cell attributes) */
  plain?: boolean;
  /** draws each cell instead of an input (the county summary: totals with change and drill-down) */
  renderCell?: (key: string, def: CellDefinition) => ReactNode;
}

function keyOf(table: TableDefinition, block: TableBlockDefinition, rowId: string, column: ColumnDefinition) {
  return table.id === 't4' ? `t4.${block.id}.${column.id}` : `${table.id}.${rowId}.${column.id}`;
}

function Problems({ results, colSpan }: { results: RuleResult[] | undefined; colSpan: number }) {
  if (!results?.length) return null;
  return (
    <tr className="tm-row-problems">
      <td colSpan={colSpan}>
        {results.map((r) => (
          <div
            key={r.id}
            role={r.severity === 'error' ? 'alert' : 'status'}
            className={r.severity === 'error' ? 'tm-msg tm-msg--error' : 'tm-msg tm-msg--warning'}
            data-rule={r.ruleId}
            data-testid={`problem-${r.id}`}
          >
            {r.severity === 'error' ? '✖ ' : '⚠ '}
            {r.message}
          </div>
        ))}
      </td>
    </tr>
  );
}

interface InnerProps extends TableViewProps {
  navigate(key: string, direction: Direction): void;
  pasteBlock(key: string, text: string): void;
}

function useCell(props: InnerProps) {
  return (key: string): ReactNode => {
    const def = props.cellDefs.get(key);
    if (!def) return null;
    if (props.renderCell) return props.renderCell(key, def);
    if (props.plain) {
      const v = props.values[key];
      return <span className="tm-plain">{v === null || v === undefined ? '' : String(v)}</span>;
    }
    return (
      <CellInput
        def={def}
        value={props.values[key] ?? null}
        invalidText={props.invalid?.[key]}
        suspect={props.suspect === key}
        computed={key in props.totals ? props.totals[key] : undefined}
        previous={props.previous?.[key] ?? null}
        showPrevious={props.showPrevious}
        problems={props.problems.byCell.get(key)}
        edited={props.editedKeys.has(key)}
        readOnly={props.readOnly || (props.editableKeys != null && !props.editableKeys.has(key))}
        assigned={props.editableKeys != null && props.editableKeys.has(key)}
        onChange={props.onChange}
        onInvalid={props.onInvalid}
        onPasteBlock={props.onPasteBlock ? props.pasteBlock : undefined}
        onNavigate={props.navigate}
        labels={props.labels}
      />
    );
  };
}

/** header rows for a block's columns: an optional column header over all, then groups (法人或其他组织) */
function columnHeaderRows(columns: ColumnDefinition[], columnHeader?: string) {
  const grouped = columns.some((c) => c.group);
  const rows: ReactNode[][] = [];
  if (columnHeader)
    rows.push([
      <th key="ch" colSpan={columns.length} scope="colgroup">
        {columnHeader}
      </th>,
    ]);
  if (!grouped) {
    rows.push(
      columns.map((c) => (
        <th key={c.id} scope="col">
          {c.label}
        </th>
      )),
    );
    return rows;
  }
  const top: ReactNode[] = [];
  const bottom: ReactNode[] = [];
  for (let i = 0; i < columns.length; i++) {
    const c = columns[i];
    if (!c.group) {
      top.push(
        <th key={c.id} rowSpan={2} scope="col">
          {c.label}
        </th>,
      );
      continue;
    }
    let j = i;
    while (j + 1 < columns.length && columns[j + 1].group === c.group) j++;
    top.push(
      <th key={`g-${c.group}-${i}`} colSpan={j - i + 1} scope="colgroup">
        {c.group}
      </th>,
    );
    for (let k = i; k <= j; k++)
      bottom.push(
        <th key={columns[k].id} scope="col">
          {columns[k].label}
        </th>,
      );
    i = j;
  }
  rows.push(top, bottom);
  return rows;
}

/** table 2 and table 3: a block with labelled rows, grouped row headers drawn with rowspan */
function RowBlock({
  props,
  block,
  showTitle,
}: {
  props: InnerProps;
  block: TableBlockDefinition;
  showTitle: boolean;
}) {
  const { table } = props;
  const cell = useCell(props);
  const depth = Math.max(1, ...block.rows.map((r) => r.groups.length + 1));
  const headerRows = columnHeaderRows(block.columns, table.columnHeader);
  const width = depth + block.columns.length;
  return (
    <table className={`tm-table tm-table--${table.id}`} data-testid={`table-${table.id}-${block.id}`}>
      {showTitle && block.title && <caption className="tm-block-title">{block.title}</caption>}
      <thead>
        {headerRows.map((cells, i) => (
          <tr key={i}>
            {i === 0 && (
              <th colSpan={depth} rowSpan={headerRows.length} scope="col" className="tm-label-head">
                {block.labelHeader}
              </th>
            )}
            {cells}
          </tr>
        ))}
      </thead>
      <tbody>
        {block.rows.map((row, r) => {
          const heads: ReactNode[] = [];
          row.groups.forEach((group, d) => {
            const prev = block.rows[r - 1];
            const startsRun =
              !prev || prev.groups.slice(0, d + 1).join('|') !== row.groups.slice(0, d + 1).join('|');
            if (!startsRun) return;
            let span = 0;
            for (
              let k = r;
              k < block.rows.length &&
              block.rows[k].groups.slice(0, d + 1).join('|') === row.groups.slice(0, d + 1).join('|');
              k++
            )
              span++;
            heads.push(
              <th key={`g${d}`} rowSpan={span} scope="rowgroup" className={`tm-group tm-group--${d}`}>
                {group}
              </th>,
            );
          });
          const anchor = rowAnchor(table.id, block.id, row.id);
          return (
            <Fragment key={row.id}>
              <tr
                className={row.isTotal ? 'tm-row tm-row--total' : 'tm-row'}
                data-row={`${table.id}.${row.id}`}
              >
                {heads}
                <th scope="row" colSpan={depth - row.groups.length} className="tm-row-label">
                  {row.label}
                </th>
                {block.columns.map((column) => (
                  <td key={column.id}>{cell(keyOf(table, block, row.id, column))}</td>
                ))}
              </tr>
              <Problems results={props.problems.byRowAnchor.get(anchor)} colSpan={width} />
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}

/** table 4: one row; blocks side by side, 行政诉讼 grouping its two blocks */
function Table4({ props }: { props: InnerProps }) {
  const { table } = props;
  const cell = useCell(props);
  const blocks = table.blocks;
  const top: ReactNode[] = [];
  const middle: ReactNode[] = [];
  const bottom: ReactNode[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    const group = b.groups[0];
    if (!group) {
      top.push(
        <th key={b.id} colSpan={b.columns.length} rowSpan={2} scope="colgroup">
          {b.title}
        </th>,
      );
    } else {
      let j = i;
      while (j + 1 < blocks.length && blocks[j + 1].groups[0] === group) j++;
      const span = blocks.slice(i, j + 1).reduce((n, x) => n + x.columns.length, 0);
      top.push(
        <th key={`g-${group}`} colSpan={span} scope="colgroup">
          {group}
        </th>,
      );
      for (let k = i; k <= j; k++)
        middle.push(
          <th key={blocks[k].id} colSpan={blocks[k].columns.length} scope="colgroup">
            {blocks[k].title}
          </th>,
        );
      i = j;
    }
  }
  for (const b of blocks)
    for (const c of b.columns)
      bottom.push(
        <th key={`${b.id}.${c.id}`} scope="col">
          {c.label}
        </th>,
      );
  const width = blocks.reduce((n, b) => n + b.columns.length, 0);
  const results = blocks.flatMap((b) => props.problems.byRowAnchor.get(rowAnchor('t4', b.id, '')) ?? []);
  return (
    <table className="tm-table tm-table--t4" data-testid="table-t4">
      <thead>
        <tr>{top}</tr>
        <tr>{middle}</tr>
        <tr>{bottom}</tr>
      </thead>
      <tbody>
        <tr className="tm-row" data-row="t4">
          {blocks.flatMap((b) =>
            b.columns.map((c) => <td key={`${b.id}.${c.id}`}>{cell(keyOf(table, b, '', c))}</td>),
          )}
        </tr>
        <Problems results={results} colSpan={width} />
      </tbody>
    </table>
  );
}

export function TableView(outer: TableViewProps) {
  const { table, onPasteBlock } = outer;
  const grid = useMemo(() => tableGrid(table), [table]);
  const navigate = useCallback(
    (key: string, direction: Direction) => {
      const next = neighbour(grid, key, direction);
      const input = next ? document.querySelector<HTMLInputElement>(`input[data-cell="${CSS.escape(next)}"]`) : null;
      if (!input) return;
      input.focus();
      // as in a spreadsheet: typing into the cell one moved to replaces what is there
      input.select();
    },
    [grid],
  );
  const pasteBlock = useCallback(
    (key: string, text: string) => onPasteBlock?.(placeBlock(grid, key, text)),
    [grid, onPasteBlock],
  );
  const props: InnerProps = { ...outer, navigate, pasteBlock };
  return (
    <div className="tm-table-scroll" data-table={table.id}>
      {table.id === 't4' ? (
        <Table4 props={props} />
      ) : (
        table.blocks.map((block) => (
          <RowBlock key={block.id} props={props} block={block} showTitle={table.id === 't2'} />
        ))
      )}
      {table.note && <p className="tm-table-note">{table.note}</p>}
    </div>
  );
}
