/**
 * Beside the tables on wide screens, above them on narrower ones: every problem the domain's rules find
 * (each jumps to its cell; warnings take their 说明 here), then the panels other modules add
 * (EDITOR_PANELS — the workflow's 签署与公开).
 */
import { useCallback, useMemo } from 'react';
import type { RuleResult } from '@touming/domain/validation';
import { ExplainWarning } from './ExplainWarning';
import { EDITOR_PANELS, type EditorExtensionProps } from './extensions';
import { ValidationSummary } from './ValidationSummary';

export interface EditorSidePanelProps {
  /** the report, the content and the live validation, as the extensions receive them */
  extensionProps: EditorExtensionProps;
  canExplain: boolean;
  onJump(key: string): void;
  /** above the tables: the counts always, the lists on demand */
  compact?: boolean;
}

export function EditorSidePanel({ extensionProps, canExplain, onJump, compact }: EditorSidePanelProps) {
  const { report, validation, onReportChanged } = extensionProps;
  // the explanations the server has recorded, by rule
  const explanations = useMemo(
    () =>
      Object.fromEntries(
        (report.validation?.warnings ?? [])
          .filter((w) => w.explanation)
          .map((w) => [w.ruleId, w.explanation!]),
      ),
    [report.validation],
  );
  const renderWarningExtra = useCallback(
    (r: RuleResult) => (
      <ExplainWarning
        key={`${r.ruleId}:${explanations[r.ruleId] ?? ''}`}
        reportId={report.id}
        result={r}
        explanation={explanations[r.ruleId]}
        canExplain={canExplain}
        onSaved={onReportChanged}
      />
    ),
    [explanations, report.id, canExplain, onReportChanged],
  );
  return (
    <>
      <ValidationSummary
        validation={validation}
        explanations={explanations}
        onJump={onJump}
        renderWarningExtra={renderWarningExtra}
        compact={compact}
      />
      {EDITOR_PANELS.map((Panel, i) => (
        <Panel key={i} {...extensionProps} />
      ))}
    </>
  );
}
