/**
 * The report editor — where clerks spend their time: the header (EditorHeader), the problems beside or
 * above the tables (EditorSidePanel), one tab per section in the official order (SectionTabs,
 * SectionPanel), and the dialogs (conflict, paste-import, preview). The state — the server's revision,
 * the unsaved edits, live validation by the domain's rules, autosave and conflicts — is
 * useReportDraft's; this file only lays the parts out.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Box, Paper, useMediaQuery, type Theme } from '@mui/material';
import { Title, useNotify } from 'react-admin';
import { getFormat, type SectionKey } from '@touming/domain/formats';
import { reportTitle } from '@touming/domain/report';
import type { Report } from '../providers/types';
import { markStale } from '../providers/useGraphQL';
import { ConflictDialog } from './ConflictDialog';
import { ContributionPanel } from './ContributionPanel';
import { hasEdits, tabOfKey } from './draft';
import { EditorHeader, SaveNotices } from './EditorHeader';
import { EditorSidePanel } from './EditorSidePanel';
import type { EditorExtensionProps } from './extensions';
import { focusTarget } from './focus';
import { ImportDialog } from './ImportDialog';
import { PreviewDialog } from './PreviewDialog';
import { SectionPanel } from './SectionPanel';
import { SectionTabs } from './SectionTabs';
import { useEditorAccess } from './useEditorAccess';
import { useLinkedFocus } from './useLinkedFocus';
import { useReportDraft } from './useReportDraft';
import './editor.css';

/** the tab a report opens on: table 3, where most of the work (and most of the rules) is */
const FIRST_TAB: SectionKey = 't3';

export function ReportEditorView({ report }: { report: Report }) {
  const notify = useNotify();
  // what the user may do follows the report as the server has it now: after 发布 (or a return) in
  // this editor the buttons and notices change without a reload. The first render has no draft yet.
  const [shown, setShown] = useState<Report>(report);
  const access = useEditorAccess(shown);
  const draft = useReportDraft(report, { canEdit: access.canEdit });
  const { server, content, validation } = draft;
  useEffect(() => setShown(server), [server]);
  // a save can change the state too (an edit after signing sends the report back to DRAFT): lists,
  // queues and dashboards fetch again when next shown
  const queryClient = useQueryClient();
  const lastStatus = useRef(server.status);
  useEffect(() => {
    if (lastStatus.current === server.status) return;
    lastStatus.current = server.status;
    markStale(queryClient, ['reports', 'audit']);
  }, [server.status, queryClient]);
  const format = getFormat(content.format);
  const [tab, setTab] = useState<SectionKey>(FIRST_TAB);
  const [showPrevious, setShowPrevious] = useState(false);
  const [preview, setPreview] = useState(false);
  const [importing, setImporting] = useState(false);
  const wide = useMediaQuery((theme: Theme) => theme.breakpoints.up('xl'));

  const extensionProps: EditorExtensionProps = {
    report: server,
    content,
    validation,
    hasUnsavedEdits: hasEdits(draft.edits),
    onReportChanged: draft.rebase,
  };

  const jump = useCallback((key: string, range?: { start: number; end: number }) => {
    setTab(tabOfKey(key) as SectionKey);
    focusTarget(key, range);
  }, []);
  // an address pointing into the report (a 请修改 notification, the 保密审查 page) opens there
  useLinkedFocus(jump);

  useEffect(() => {
    if (draft.state === 'error' && draft.error) notify(draft.error, { type: 'error' });
  }, [draft.state, draft.error, notify]);

  const section = format.sections.find((s) => s.key === tab) ?? format.sections[0];
  const title = reportTitle(content);
  return (
    <Box
      sx={{ pb: 4 }}
      data-testid="report-editor"
      data-report-id={server.id}
      data-revision={server.revision}
    >
      <Title title={title} />
      <EditorHeader
        title={title}
        format={format}
        report={server}
        draft={draft}
        access={access}
        showPrevious={showPrevious}
        onShowPrevious={setShowPrevious}
        onPreview={() => setPreview(true)}
        onImport={() => setImporting(true)}
        extensionProps={extensionProps}
      />
      <SaveNotices report={server} draft={draft} access={access} />
      <ContributionPanel
        reportId={server.id}
        agencyId={server.agencyId}
        status={server.status}
        format={content.format}
        scope={access.scope}
        hasUnsavedEdits={hasEdits(draft.edits)}
      />

      {!wide && (
        <Box sx={{ mb: 2 }}>
          <EditorSidePanel
            extensionProps={extensionProps}
            canExplain={access.canExplain}
            onJump={jump}
            compact
          />
        </Box>
      )}
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start' }}>
        <Paper variant="outlined" sx={{ flex: 1, minWidth: 0, width: '100%' }}>
          <SectionTabs
            sections={format.sections}
            value={section.key}
            onChange={setTab}
            validation={validation}
          />
          <SectionPanel
            section={section}
            format={format}
            draft={draft}
            showPrevious={showPrevious}
            readOnly={!access.canEdit}
            scope={access.scope}
          />
        </Paper>
        {wide && (
          <Box
            sx={{
              width: 360,
              flexShrink: 0,
              position: 'sticky',
              top: 72,
              maxHeight: 'calc(100vh - 90px)',
              overflowY: 'auto',
            }}
          >
            <EditorSidePanel extensionProps={extensionProps} canExplain={access.canExplain} onJump={jump} />
          </Box>
        )}
      </Box>

      <ConflictDialog
        conflict={draft.conflict}
        edits={draft.edits}
        onReapply={draft.reapplyOnCurrent}
        onDiscard={draft.discardMine}
      />
      {access.canImport && (
        <ImportDialog
          open={importing}
          report={server}
          onClose={() => setImporting(false)}
          onImported={(r) => {
            draft.replaceServer(r);
            notify('touming.import.applied', { type: 'success' });
          }}
        />
      )}
      <PreviewDialog open={preview} content={content} onClose={() => setPreview(false)} />
    </Box>
  );
}
