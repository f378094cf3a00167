/**
 * 分配: the preparer hands parts of the draft — text sections, tables, rows of a table or single cells
 * of one row — to a 股室/下属单位 user of the agency, with a due date and a note, and sees the parts
 * already assigned with their state. Which parts can be assigned is the domain's (contributionTargets);
 * whether the assignment is allowed is the API's. One assignment per chosen part.
 */
import { useMemo, useState } from 'react';
import {
  Alert,
  Autocomplete,
  Box,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Divider,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormLabel,
  InputLabel,
  MenuItem,
  Select,
  TextField,
  Typography,
  useMediaQuery,
  type Theme,
} from '@mui/material';
import { useNotify } from 'react-admin';
import { contributionTargets, isSectionTarget, targetCellKeys, type ContributionTargetOption } from '@touming/domain/contributions';
import { cellDefinition, isFormatId, type FormatId } from '@touming/domain/formats';
import { AssignContributionDocument, ContributionAssigneesDocument, type ContributionRowFragment } from '../gql/graphql';
import { request } from '../providers/graphqlClient';
import { markStale, useGraphQLQuery } from '../providers/useGraphQL';
import { useQueryClient } from '@tanstack/react-query';
import { useWf } from '../workflow/useWf';
import { ContributionList } from './ContributionList';

/** a week from today (China), the usual time a 股室 is given */
function defaultDueDate(): string {
  const d = new Date(Date.now() + 8 * 3600_000 + 7 * 86400_000);
  return d.toISOString().slice(0, 10);
}

const groupOf = (o: ContributionTargetOption) => (isSectionTarget(o.target) ? '文字部分' : o.label.startsWith('表') ? o.label.slice(0, 2) : '表格');

/** the cells of a table row, to assign only some of them (a row's prefix is t2.<row>. or t3.<row>.) */
function rowCells(format: FormatId, target: string): { key: string; label: string }[] {
  if (!/^t[23]\.[^.]+\.$/.test(target)) return [];
  return targetCellKeys(format, target).map((key) => {
    const label = cellDefinition(format, key)?.label ?? key;
    return { key, label: label.includes(' · ') ? label.slice(label.lastIndexOf(' · ') + 3) : label };
  });
}

export interface AssignContributionDialogProps {
  open: boolean;
  reportId: string;
  format: string;
  existing: readonly ContributionRowFragment[];
  onClose: () => void;
}

export function AssignContributionDialog({ open, reportId, format, existing, onClose }: AssignContributionDialogProps) {
  const { t } = useWf();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const assignees = useGraphQLQuery('contributions', ContributionAssigneesDocument, { reportId }, { enabled: open });
  const options = useMemo(() => (isFormatId(format) ? contributionTargets(format) : []), [format]);
  const [targets, setTargets] = useState<ContributionTargetOption[]>([]);
  const [cells, setCells] = useState<string[]>([]);
  const [assigneeId, setAssigneeId] = useState('');
  const [dueDate, setDueDate] = useState(defaultDueDate);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const people = assignees.data?.contributionAssignees ?? [];
  const chosenAssignee = assigneeId || (people.length === 1 ? people[0].id : '');
  const row = targets.length === 1 && isFormatId(format) ? rowCells(format, targets[0].target) : [];
  const parts = row.length > 0 && cells.length > 0 ? cells : targets.map((x) => x.target);
  const ready = parts.length > 0 && chosenAssignee && /^\d{4}-\d{2}-\d{2}$/.test(dueDate) && !pending;

  const reset = () => {
    setTargets([]);
    setCells([]);
    setNote('');
    setError(null);
  };
  const submit = async () => {
    setPending(true);
    setError(null);
    let done = 0;
    try {
      for (const target of parts) {
        await request(AssignContributionDocument, { reportId, assigneeId: chosenAssignee, target, dueDate, note: note.trim() || null });
        done += 1;
      }
      notify(t('contrib.assigned', { count: done }), { type: 'success' });
      reset();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setPending(false);
      if (done > 0) {
        markStale(queryClient, ['reports']);
        void queryClient.invalidateQueries({ queryKey: ['contributions'] });
      }
    }
  };

  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="md" fullScreen={phone} aria-labelledby="contribution-assign-title" data-testid="contribution-assign-dialog">
      <DialogTitle id="contribution-assign-title">{t('contrib.assign_title')}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {t('contrib.assign_intro')}
        </Typography>
        <Autocomplete
          multiple
          options={options}
          groupBy={groupOf}
          getOptionLabel={(o) => o.label}
          isOptionEqualToValue={(a, b) => a.target === b.target}
          value={targets}
          onChange={(_e, value) => {
            setTargets(value);
            setCells([]);
          }}
          noOptionsText={t('contrib.no_targets')}
          openText={t('contrib.open_list')}
          closeText={t('contrib.close_list')}
          clearText={t('contrib.clear')}
          loadingText={t('loading')}
          renderInput={(params) => (
            <TextField {...params} label={t('contrib.target_label')} placeholder={t('contrib.target_placeholder')} inputProps={{ ...params.inputProps, 'data-testid': 'contribution-target-input' }} />
          )}
          sx={{ mb: 2 }}
        />
        {row.length > 0 && (
          <FormControl component="fieldset" sx={{ mb: 2 }} data-testid="contribution-cells">
            <FormLabel component="legend">{t('contrib.cells_label')}</FormLabel>
            <FormGroup row>
              {row.map((c) => (
                <FormControlLabel
                  key={c.key}
                  label={c.label}
                  control={
                    <Checkbox
                      size="small"
                      checked={cells.includes(c.key)}
                      onChange={(e) => setCells((now) => (e.target.checked ? [...now, c.key] : now.filter((k) => k !== c.key)))}
                      slotProps={{ input: { 'data-cell-choice': c.key } as Record<string, string> }}
                    />
                  }
                />
              ))}
            </FormGroup>
          </FormControl>
        )}
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '2fr 1fr' }, mb: 2 }}>
          <FormControl fullWidth>
            <InputLabel id="contribution-assignee-label">{t('contrib.assignee_label')}</InputLabel>
            <Select
              labelId="contribution-assignee-label"
              label={t('contrib.assignee_label')}
              value={chosenAssignee}
              onChange={(e) => setAssigneeId(String(e.target.value))}
              data-testid="contribution-assignee"
            >
              {people.map((u) => (
                <MenuItem key={u.id} value={u.id}>
                  {u.displayName}（{u.username}）
                </MenuItem>
              ))}
            </Select>
          </FormControl>
          <TextField
            label={t('contrib.due_label')}
            type="date"
            value={dueDate}
            onChange={(e) => setDueDate(e.target.value)}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'contribution-due' } }}
          />
        </Box>
        {assignees.isSuccess && people.length === 0 && (
          <Alert severity="info" sx={{ mb: 2 }}>
            {t('contrib.no_assignees')}
          </Alert>
        )}
        <TextField
          label={t('contrib.note_label')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          multiline
          minRows={2}
          fullWidth
          slotProps={{ htmlInput: { maxLength: 1000, 'data-testid': 'contribution-note' } }}
        />
        {error && (
          <Alert severity="error" sx={{ mt: 2 }} data-testid="contribution-assign-error">
            {error}
          </Alert>
        )}
        <Divider sx={{ my: 2 }} />
        <Typography variant="subtitle2" component="h3">
          {t('contrib.existing', { count: existing.length })}
        </Typography>
        <Box data-testid="contribution-assign-existing">
          {existing.length === 0 ? (
            <Typography variant="body2" color="text.secondary">
              {t('contrib.none')}
            </Typography>
          ) : (
            <ContributionList items={existing} format={format} showAssignee showChanges={false} readOnly />
          )}
        </Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} data-testid="contribution-assign-close">
          {t('contrib.close')}
        </Button>
        <Button variant="contained" disabled={!ready} onClick={() => void submit()} data-testid="contribution-assign-confirm">
          {parts.length > 1 ? t('contrib.assign_n', { count: parts.length }) : t('contrib.assign')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
