/**
 * The section the user is working on: a text (一, 五, 六) with its problems under it, or a table drawn
 * as the official template with live totals, last year's values and the problems at their rows.
 */
import { useCallback, useMemo } from 'react';
import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { FormatDefinition, NarrativeKey, SectionDefinition } from '@touming/domain/formats';
import type { RuleResult } from '@touming/domain/validation';
import { cellMap } from './draft';
import { NarrativeSection } from './NarrativeSection';
import { indexProblems } from './problems';
import { TableView } from './TableView';
import type { ReportDraft } from './useReportDraft';

export interface SectionPanelProps {
  section: SectionDefinition;
  format: FormatDefinition;
  draft: Pick<
    ReportDraft,
    'server' | 'values' | 'texts' | 'validation' | 'totals' | 'edits' | 'setCell' | 'setSection'
  >;
  showPrevious: boolean;
  readOnly: boolean;
}

export function SectionPanel({ section, format, draft, showPrevious, readOnly }: SectionPanelProps) {
  const translate = useTranslate();
  const { server, validation } = draft;
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
        readOnly={readOnly}
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
          onChange={draft.setCell}
          labels={labels}
        />
      </Box>
    );
  }
  return (
    <Box sx={{ p: { xs: 1, sm: 2 } }} role="tabpanel" data-testid={`panel-${section.key}`}>
      {body}
    </Box>
  );
}
