/**
 * 地区管理: the region tree a supervising office runs — its own region and everything below,
 * ancestors read-only as breadcrumbs — with create, rename and move. The API checks the scope and
 * writes the audit entries; the domain's rules (codes, levels, placement) are checked here live too.
 */
import { useMemo, useState } from 'react';
import { Alert, Box, Breadcrumbs, Button, Card, CardContent, Chip, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, TextField, Typography } from '@mui/material';
import { Title, useNotify, useTranslate } from 'react-admin';
import { moveProblem, placementProblem, regionCodeProblem, regionNameProblem, REGION_LEVEL_LABELS, REGION_LEVELS, type RegionLevel } from '@touming/domain/regions';
import { CreateRegionDocument, MoveRegionDocument, RegionTreeDocument, RenameRegionDocument, type RegionTreeQuery } from '../gql/graphql';
import { useGraphQLMutation, useGraphQLQuery } from '../providers/useGraphQL';

type Node = RegionTreeQuery['regionTree']['nodes'][number];
type Editing = { kind: 'create'; parent: Node | null } | { kind: 'rename'; node: Node } | { kind: 'move'; node: Node } | null;

/** the nodes in tree order (parents before children, siblings by code), with their id paths */
function ordered(nodes: readonly Node[]): Array<Node & { path: string }> {
  const children = new Map<string | null, Node[]>();
  const ids = new Set(nodes.map((n) => n.id));
  for (const n of nodes) {
    const parent = n.parentId && ids.has(n.parentId) ? n.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), n]);
  }
  const out: Array<Node & { path: string }> = [];
  const walk = (parent: string | null, path: string) => {
    for (const n of (children.get(parent) ?? []).sort((a, b) => a.code.localeCompare(b.code))) {
      const own = `${path}${n.id}/`;
      out.push({ ...n, path: own });
      walk(n.id, own);
    }
  };
  walk(null, '/');
  return out;
}

export function RegionsPage() {
  const translate = useTranslate();
  const t = (key: string, options?: Record<string, unknown>) => translate(`touming.regions.${key}`, options);
  const { data, error, isPending, refetch } = useGraphQLQuery('agencies', RegionTreeDocument, {});
  const [editing, setEditing] = useState<Editing>(null);
  const nodes = useMemo(() => ordered(data?.regionTree.nodes ?? []), [data]);
  const own = nodes.find((n) => n.id === data?.regionTree.ownRegionId) ?? null;
  const trail = own ? nodes.filter((n) => own.path.startsWith(n.path)) : [];
  const unrestricted = data ? data.regionTree.ownRegionId === null : false;

  return (
    <Card sx={{ mt: 1 }} data-testid="regions-page">
      <Title title={t('title')} />
      <CardContent>
        <Typography variant="h5" component="h1" gutterBottom>
          {t('title')}
        </Typography>
        {trail.length > 0 && (
          <Breadcrumbs aria-label={t('breadcrumbs')} sx={{ mb: 1 }} data-testid="regions-breadcrumbs">
            {trail.map((n) => (
              <Typography key={n.id} color={n.id === own?.id ? 'text.primary' : 'text.secondary'}>
                {n.name}
              </Typography>
            ))}
          </Breadcrumbs>
        )}
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {t('intro')}
        </Typography>
        {error ? (
          <Alert severity="error" action={<Button onClick={() => void refetch()}>{t('retry')}</Button>}>
            {t('error', { message: error.message })}
          </Alert>
        ) : isPending ? (
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
            <CircularProgress size={20} /> {t('loading')}
          </Box>
        ) : (
          <>
            {nodes.length === 0 && (
              <Alert severity="info" sx={{ mb: 2 }} data-testid="regions-empty">
                {t('empty')}
              </Alert>
            )}
            {unrestricted && (
              <Button variant="outlined" sx={{ mb: 2 }} onClick={() => setEditing({ kind: 'create', parent: null })}>
                {t('create_root')}
              </Button>
            )}
            <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }} aria-label={t('title')}>
              {nodes.map((n) => (
                <Box
                  component="li"
                  key={n.id}
                  data-testid={`region-${n.code}`}
                  sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1, py: 0.75, pl: 2 + n.depth * 3, borderBottom: 1, borderColor: 'divider' }}
                >
                  <Typography component="span" sx={{ fontWeight: n.id === own?.id ? 700 : 400 }}>
                    {n.name}
                  </Typography>
                  <Typography component="span" variant="body2" color="text.secondary">
                    {n.code} · {REGION_LEVEL_LABELS[n.level as RegionLevel]} · {t('agencies', { count: n.agencyCount })}
                  </Typography>
                  {n.id === own?.id && <Chip size="small" color="primary" label={t('own')} />}
                  {!n.manageable && <Chip size="small" variant="outlined" label={t('readonly')} />}
                  <Box sx={{ flexGrow: 1 }} />
                  {n.manageable && n.level !== 'TOWNSHIP' && (
                    <Button size="small" onClick={() => setEditing({ kind: 'create', parent: n })}>
                      {t('create')}
                    </Button>
                  )}
                  {n.manageable && (
                    <Button size="small" onClick={() => setEditing({ kind: 'rename', node: n })}>
                      {t('rename')}
                    </Button>
                  )}
                  {n.manageable && n.id !== own?.id && (
                    <Button size="small" onClick={() => setEditing({ kind: 'move', node: n })}>
                      {t('move')}
                    </Button>
                  )}
                </Box>
              ))}
            </Box>
          </>
        )}
      </CardContent>
      {editing && <RegionDialog editing={editing} nodes={nodes} unrestricted={unrestricted} onClose={() => setEditing(null)} t={t} />}
    </Card>
  );
}

function RegionDialog({
  editing,
  nodes,
  unrestricted,
  onClose,
  t,
}: {
  editing: NonNullable<Editing>;
  nodes: Array<Node & { path: string }>;
  unrestricted: boolean;
  onClose: () => void;
  t: (key: string, options?: Record<string, unknown>) => string;
}) {
  const notify = useNotify();
  const node = editing.kind === 'create' ? null : editing.node;
  const parentOfCreate = editing.kind === 'create' ? editing.parent : null;
  const childLevel: RegionLevel = parentOfCreate ? ({ PROVINCE: 'CITY', CITY: 'COUNTY', COUNTY: 'TOWNSHIP', TOWNSHIP: 'TOWNSHIP' } as const)[parentOfCreate.level as RegionLevel] : 'PROVINCE';
  const [code, setCode] = useState('');
  const [name, setName] = useState(node?.name ?? '');
  const [level, setLevel] = useState<RegionLevel>(childLevel);
  const [parentId, setParentId] = useState<string>(node?.parentId ?? '');
  const options = { invalidates: ['agencies', 'reports'] as const, onError: (e: Error) => notify(e.message, { type: 'error' }) };
  const create = useGraphQLMutation(CreateRegionDocument, { ...options, onSuccess: () => (notify(t('created'), { type: 'success' }), onClose()) });
  const rename = useGraphQLMutation(RenameRegionDocument, { ...options, onSuccess: () => (notify(t('renamed'), { type: 'success' }), onClose()) });
  const move = useGraphQLMutation(MoveRegionDocument, { ...options, onSuccess: () => (notify(t('moved'), { type: 'success' }), onClose()) });
  const busy = create.isPending || rename.isPending || move.isPending;

  // the domain's rules, live: the API checks the same ones
  const target = nodes.find((n) => n.id === parentId) ?? null;
  const problem =
    editing.kind === 'create'
      ? (code && regionCodeProblem(level, code)) || (name && regionNameProblem(name)) || (code && placementProblem(level, code, parentOfCreate ? { code: parentOfCreate.code, level: parentOfCreate.level as RegionLevel } : null)) || null
      : editing.kind === 'rename'
        ? regionNameProblem(name)
        : node && target !== undefined
          ? moveProblem({ id: node.id, code: node.code, level: node.level as RegionLevel, path: nodes.find((n) => n.id === node.id)!.path }, target ? { id: target.id, code: target.code, level: target.level as RegionLevel, path: target.path } : null)
          : null;
  const ready = !problem && (editing.kind !== 'create' || (code && name)) && !busy;
  const submit = () => {
    if (editing.kind === 'create') create.mutate({ input: { code: code.trim(), name: name.trim(), level, parentId: parentOfCreate?.id ?? null } });
    else if (editing.kind === 'rename') rename.mutate({ id: editing.node.id, name: name.trim() });
    else move.mutate({ id: editing.node.id, parentId: parentId || null });
  };
  const title = editing.kind === 'create' ? (parentOfCreate ? `${t('create')}（${parentOfCreate.name}）` : t('create_root')) : `${t(editing.kind)}：${editing.node.name}`;

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="region-dialog-title">
      <DialogTitle id="region-dialog-title">{title}</DialogTitle>
      <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2, pt: '8px !important' }}>
        {editing.kind === 'create' && (
          <>
            <TextField label={t('code')} value={code} onChange={(e) => setCode(e.target.value)} helperText={t('code_help')} slotProps={{ htmlInput: { 'data-testid': 'region-code', inputMode: 'numeric' } }} />
            <TextField select label={t('level')} value={level} onChange={(e) => setLevel(e.target.value as RegionLevel)} slotProps={{ htmlInput: { 'data-testid': 'region-level' } }}>
              {REGION_LEVELS.map((l) => (
                <MenuItem key={l} value={l}>
                  {REGION_LEVEL_LABELS[l]}
                </MenuItem>
              ))}
            </TextField>
          </>
        )}
        {editing.kind !== 'move' && <TextField label={t('name')} value={name} onChange={(e) => setName(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'region-name' } }} />}
        {editing.kind === 'move' && (
          <TextField select label={t('parent')} value={parentId} onChange={(e) => setParentId(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'region-parent' } }}>
            {unrestricted && <MenuItem value="">{t('no_parent')}</MenuItem>}
            {nodes
              .filter((n) => n.manageable && n.id !== editing.node.id)
              .map((n) => (
                <MenuItem key={n.id} value={n.id}>
                  {'　'.repeat(n.depth)}
                  {n.name}（{n.code}）
                </MenuItem>
              ))}
          </TextField>
        )}
        {problem && (
          <Alert severity="warning" data-testid="region-problem">
            {problem}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('cancel')}</Button>
        <Button variant="contained" disabled={!ready} onClick={submit} data-testid="region-save">
          {t('save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
