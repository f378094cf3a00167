/**
 * The section the user is working on: a text (一, 五, 六) with its problems under it, or a table drawn
 * as the official template with live totals, last year's values and the problems at their rows.
 */
import { useCallback, useMemo, useState } from 'react';
import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { FormatDefinition, NarrativeKey, SectionDefinition } from '@touming/domain/formats';
import { fillableTotals, suspectCells, type RuleResult } from '@touming/domain/validation';
import { cellMap } from './draft';
import type { PastedBlock } from './grid';
import { NarrativeSection } from './NarrativeSection';
import { indexProblems } from './problems';
import { TableAssist } from './TableAssist';
import { TableView } from './TableView';
import type { EditableScope } from './useEditorAccess';
import type { ReportDraft } from './useReportDraft';

export interface SectionPanelProps {
  section: SectionDefinition;
  format: FormatDefinition;
  draft: Pick<
    ReportDraft,
    | 'server'
    | 'content'
    | 'values'
    | 'texts'
    | 'validation'
    | 'totals'
    | 'edits'
    | 'invalid'
    | 'setCell'
    | 'setInvalid'
    | 'setCells'
    | 'setSection'
  >;
  showPrevious: boolean;
  readOnly: boolean;
  /** a contributor's assignment: only these cells and texts take input (null: all of them) */
  scope?: EditableScope | null;
}

export function SectionPanel({ section, format, draft, showPrevious, readOnly, scope = null }: SectionPanelProps) {
  const translate = useTranslate();
  const { server, content, validation, values, setCells } = draft;
  const [pasted, setPasted] = useState<string | null>(null);
  const inTable = useCallback((key: string) => key.startsWith(`${section.key}.`), [section.key]);
  // which blank totals can be computed: from the cells as typed, so the count follows every keystroke
  const fillable = useMemo(() => {
    if (section.kind !== 'table') return {};
    const all = fillableTotals({ ...content, cells: values });
    return Object.fromEntries(Object.entries(all).filter(([k]) => inTable(k)));
  }, [content, values, section.kind, inTable]);
  // no sum spans two tables: the first suspect of this table is the one its failing sums point at
  const suspect = useMemo(
    () => (section.kind === 'table' ? (suspectCells(content).find((s) => inTable(s.key)) ?? null) : null),
    [content, section.kind, inTable],
  );
  const onPasteBlock = useCallback(
    (block: PastedBlock) => {
      setCells(block.values, block.invalid);
      const invalidCount = Object.keys(block.invalid).length;
      setPasted(
        [
          translate('touming.entry.pasted', {
            rows: block.rows,
            columns: block.columns,
            cells: Object.keys(block.values).length + invalidCount,
          }),
          invalidCount ? translate('touming.entry.pasted_invalid', { count: invalidCount }) : '',
          block.outside ? translate('touming.entry.pasted_outside', { count: block.outside }) : '',
        ].join(''),
      );
    },
    [setCells, translate],
  );
  const cellDefs = useMemo(() => new Map(format.cells.map((c) => [c.key, c])), [format]);
  const problems = useMemo(() => indexProblems(format, validation), [format, validation]);
  const previousCells = useMemo(
    () => (server.previousYear ? cellMap(server.previousYear.cells) : null),
    [server.previousYear],
  );
  const editedKeys = useMemo(() => new Set(Object.keys(draft.edits.cells)), [draft.edits.cells]);
  const labels = useMemo(
    () => ({
      computed: translate('touming.editor.computed'),
      previous: translate('touming.editor.previous'),
      blank: translate('touming.editor.blank_placeholder'),
      mismatch: translate('touming.editor.mismatch'),
    }),
    [translate],
  );
  const sectionProblems = useCallback(
    (key: NarrativeKey): RuleResult[] =>
      [...validation.errors, ...validation.warnings].filter((r) => r.cells.includes(`section:${key}`)),
    [validation],
  );

  let body;
  if (section.kind === 'text') {
    const key = section.key as NarrativeKey;
    body = (
      <NarrativeSection
        key={key}
        sectionKey={key}
        title={section.title}
        value={draft.texts[key]}
        previous={server.previousYear?.sections.find((s) => s.key === key)?.text ?? null}
        showPrevious={showPrevious}
        problems={sectionProblems(key)}
        readOnly={readOnly || (scope !== null && !scope.sections.has(key))}
        onChange={draft.setSection}
      />
    );
  } else {
    const table = format.tables.find((t) => t.id === section.key)!;
    body = (
      <Box key={section.key}>
        <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
          {section.title}
        </Typography>
        {table.blocks.some((b) => b.columns.some((c) => c.isTotal) || b.rows.some((r) => r.isTotal)) && (
          <TableAssist
            format={format}
            fillable={fillable}
            suspect={suspect}
            readOnly={readOnly || scope !== null}
            onFill={(v) => setCells(v)}
          />
        )}
        <TableView
          table={table}
          cellDefs={cellDefs}
          values={draft.values}
          totals={draft.totals}
          previous={previousCells}
          showPrevious={showPrevious}
          problems={problems}
          editedKeys={editedKeys}
          readOnly={readOnly}
          editableKeys={scope?.cells ?? null}
          onChange={draft.setCell}
          invalid={draft.invalid}
          onInvalid={draft.setInvalid}
          onPasteBlock={readOnly || scope !== null ? undefined : onPasteBlock}
          suspect={suspect?.key ?? null}
          labels={labels}
        />
        {pasted && (
          <Typography variant="body2" role="status" data-testid="paste-status" sx={{ mt: 1 }}>
            {pasted}
          </Typography>
        )}
      </Box>
    );
  }
  return (
    <Box sx={{ p: { xs: 1, sm: 2 } }} role="tabpanel" data-testid={`panel-${section.key}`}>
      {body}
    </Box>
  );
}
