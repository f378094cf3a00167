/**
 * The editor's state: the last revision the server confirmed, the user's unsaved edits on top of it,
 * live validation by the domain's rules, autosave after a pause, and conflict handling that never
 * loses what the user typed.
 */
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { computedTotals, validateReport } from '@touming/domain/validation';
import type { ValidationResult } from '@touming/domain/validation';
import type { CellValue, ReportContent } from '@touming/domain/report';
import type { NarrativeKey } from '@touming/domain/formats';
import { ReportDocument, UpdateReportDocument } from '../gql/graphql';
import { errorCodeOf, request } from '../providers/graphqlClient';
import type { Report } from '../providers/types';
import { cellMap, diffReports, editKeys, editsToInput, hasEdits, NO_EDITS, pruneEdits, sectionMap, toContent } from './draft';
import type { Change, Edits } from './draft';

export const AUTOSAVE_DELAY_MS = 2500;

function without<T>(map: Record<string, T>, keys: string[]): Record<string, T> {
  if (!keys.some((k) => k in map)) return map;
  const out = { ...map };
  for (const k of keys) delete out[k];
  return out;
}

export type SaveState = 'idle' | 'dirty' | 'saving' | 'saved' | 'error' | 'conflict';

export interface Conflict {
  /** the revision someone else saved */
  current: Report;
  /** what they changed since the revision this user started from */
  theirs: Change[];
  /** keys both of us changed */
  overlapping: string[];
}

export interface ReportDraft {
  server: Report;
  edits: Edits;
  /**
   * the report with the user's edits, for validation, totals and the preview: it may lag a keystroke
   * behind (a deferred value, so typing never waits for the rules)
   */
  content: ReportContent;
  /**
   * the cells and texts as the user typed them, current on every keystroke: what the inputs show. An
   * input whose value lagged behind would be rewritten by React with an older text, dropping keys and
   * breaking an input method's composition.
   */
  values: Record<string, CellValue>;
  texts: Record<NarrativeKey, string>;
  previous: ReportContent | null;
  validation: ValidationResult;
  totals: Record<string, number | null>;
  state: SaveState;
  error: string | null;
  savedAt: Date | null;
  conflict: Conflict | null;
  /** cells holding text that is not a number, as typed (their value is blank until corrected) */
  invalid: Record<string, string>;
  setCell(key: string, value: CellValue): void;
  /** text that is not a number typed into a cell: kept on screen as an error, the cell's value is blank */
  setInvalid(key: string, text: string): void;
  /** many cells at once (a pasted block, computed totals) */
  setCells(values: Record<string, CellValue>, invalid?: Record<string, string>): void;
  setSection(key: NarrativeKey, text: string): void;
  save(): Promise<void>;
  reapplyOnCurrent(): void;
  discardMine(): void;
  replaceServer(report: Report): void;
  /** a newer revision this user caused (an explanation, a workflow action): unsaved edits stay on top */
  rebase(report: Report): void;
}

export function useReportDraft(initial: Report, options: { canEdit: boolean; autosave?: boolean }): ReportDraft {
  const [server, setServer] = useState<Report>(initial);
  const [edits, setEdits] = useState<Edits>(NO_EDITS);
  const [state, setState] = useState<SaveState>('idle');
  const [error, setError] = useState<string | null>(null);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [invalid, setInvalidTexts] = useState<Record<string, string>>({});

  // refs so that save() always sends the latest values even when called from a timer
  const serverRef = useRef(server);
  const editsRef = useRef(edits);
  const saving = useRef(false);
  serverRef.current = server;
  editsRef.current = edits;

  // a different report (navigation) starts over; a newer revision fetched in the background is taken
  // as the base while the user has nothing unsaved (with unsaved edits, saving reports the conflict)
  useEffect(() => {
    if (initial.id !== serverRef.current.id) {
      setServer(initial);
      setEdits(NO_EDITS);
      setInvalidTexts({});
      setConflict(null);
      setState('idle');
    } else if (initial.revision > serverRef.current.revision && !hasEdits(editsRef.current) && Array.isArray(initial.cells)) {
      setServer(initial);
    }
  }, [initial]);

  const values = useMemo(() => ({ ...cellMap(server.cells), ...edits.cells }), [server.cells, edits.cells]);
  const texts = useMemo(() => ({ ...sectionMap(server.sections), ...edits.sections }), [server.sections, edits.sections]);
  const deferredEdits = useDeferredValue(edits);
  const content = useMemo(() => toContent(server, deferredEdits), [server, deferredEdits]);
  const previous = useMemo(() => (server.previousYear ? toContent(server.previousYear) : null), [server.previousYear]);
  const validation = useMemo(() => validateReport(content, { previous }), [content, previous]);
  const totals = useMemo(() => computedTotals(content), [content]);

  const setCell = useCallback((key: string, value: CellValue) => {
    setEdits((e) => ({ ...e, cells: { ...e.cells, [key]: value } }));
    setInvalidTexts((m) => (key in m ? without(m, [key]) : m));
    setState((s) => (s === 'conflict' ? s : 'dirty'));
  }, []);
  const setInvalid = useCallback((key: string, text: string) => {
    setEdits((e) => ({ ...e, cells: { ...e.cells, [key]: null } }));
    setInvalidTexts((m) => ({ ...m, [key]: text }));
    setState((s) => (s === 'conflict' ? s : 'dirty'));
  }, []);
  const setCells = useCallback((values: Record<string, CellValue>, texts: Record<string, string> = {}) => {
    const blanks = Object.fromEntries(Object.keys(texts).map((k) => [k, null]));
    setEdits((e) => ({ ...e, cells: { ...e.cells, ...values, ...blanks } }));
    setInvalidTexts((m) => ({ ...without(m, Object.keys(values)), ...texts }));
    setState((s) => (s === 'conflict' ? s : 'dirty'));
  }, []);
  const setSection = useCallback((key: NarrativeKey, text: string) => {
    setEdits((e) => ({ ...e, sections: { ...e.sections, [key]: text } }));
    setState((s) => (s === 'conflict' ? s : 'dirty'));
  }, []);

  const save = useCallback(async () => {
    if (saving.current) return;
    const base = serverRef.current;
    const input = editsToInput(base, editsRef.current);
    if (!input.cells && !input.sections) {
      setEdits(NO_EDITS);
      setState('saved');
      return;
    }
    saving.current = true;
    setState('saving');
    setError(null);
    try {
      const { updateReport } = await request(UpdateReportDocument, { id: base.id, expectedRevision: base.revision, input });
      setServer(updateReport);
      serverRef.current = updateReport;
      // values typed while the save was in flight stay as edits: pruned against the edits as React
      // applies this update, so an edit queued but not yet rendered (not yet in editsRef) is kept
      setEdits((current) => (editsRef.current = pruneEdits(updateReport, current)));
      setSavedAt(new Date());
      setState(hasEdits(pruneEdits(updateReport, editsRef.current)) ? 'dirty' : 'saved');
    } catch (e) {
      // CONFLICT with currentRevision: someone saved in between. Other CONFLICTs (e.g. the report was
      // published meanwhile) are plain errors with the API's message.
      const revisionConflict = errorCodeOf(e) === 'CONFLICT' && (e as { body?: { extensions?: { currentRevision?: unknown } } }).body?.extensions?.currentRevision !== undefined;
      if (revisionConflict) {
        try {
          const { report } = await request(ReportDocument, { id: base.id });
          if (report) {
            const theirs = diffReports(base, report);
            const theirKeys = new Set(theirs.map((c) => c.key));
            setConflict({ current: report, theirs, overlapping: editKeys(editsRef.current).filter((k) => theirKeys.has(k)) });
          }
        } catch {
          setConflict(null);
        }
        setState('conflict');
        setError((e as Error).message);
      } else {
        setState('error');
        setError((e as Error).message || '保存失败');
      }
    } finally {
      saving.current = false;
    }
  }, []);

  /** take the other person's revision and put this user's edits on top of it (then save) */
  const reapplyOnCurrent = useCallback(() => {
    if (!conflict) return;
    setServer(conflict.current);
    serverRef.current = conflict.current;
    setConflict(null);
    setState('dirty');
    setError(null);
    void save();
  }, [conflict, save]);

  const discardMine = useCallback(() => {
    if (!conflict) return;
    setServer(conflict.current);
    setEdits(NO_EDITS);
    setInvalidTexts({});
    setConflict(null);
    setState('idle');
    setError(null);
  }, [conflict]);

  const replaceServer = useCallback((report: Report) => {
    setServer(report);
    setEdits(NO_EDITS);
    setInvalidTexts({});
    setConflict(null);
    setState('saved');
  }, []);

  const rebase = useCallback((report: Report) => {
    setServer(report);
    serverRef.current = report;
    const left = pruneEdits(report, editsRef.current);
    setEdits(left);
    editsRef.current = left;
  }, []);

  // "saved" with edits left (an edit that arrived as a save was answered) is dirty
  useEffect(() => {
    if (state === 'saved' && hasEdits(edits)) setState('dirty');
  }, [state, edits]);

  // autosave after a pause in typing
  useEffect(() => {
    if (!options.canEdit || options.autosave === false || conflict || !hasEdits(edits) || state === 'saving' || state === 'error') return;
    const timer = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [edits, options.canEdit, options.autosave, conflict, state, save]);

  // warn before leaving the page with unsaved edits
  useEffect(() => {
    if (!hasEdits(edits)) return;
    const handler = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', handler);
    return () => window.removeEventListener('beforeunload', handler);
  }, [edits]);

  return {
    server,
    edits,
    content,
    values,
    texts,
    previous,
    validation,
    totals,
    state,
    error,
    savedAt,
    conflict,
    invalid,
    setCell,
    setInvalid,
    setCells,
    setSection,
    save,
    reapplyOnCurrent,
    discardMine,
    replaceServer,
    rebase,
  };
}
