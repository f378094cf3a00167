/**
 * 地区选择与面包屑: where a supervising office's screen looks — its own region, any region below it
 * (省 → 市 → 县), and on to one agency of that region. The breadcrumbs climb back up; the regions above
 * the office's own show as plain text (it does not supervise them). A deployment without a region
 * tree shows nothing: the screen is about the one county, as it always was.
 */
import { useMemo } from 'react';
import { Box, Breadcrumbs, Link, MenuItem, TextField, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { regionChain, REGION_LEVEL_LABELS, isRegionLevel } from '@touming/domain/regions';
import { RegionAgenciesDocument, RegionTreeDocument } from '../gql/graphql';
import { useGraphQLQuery } from '../providers/useGraphQL';

export interface RegionPick {
  /** null: the office's own region */
  regionId: string | null;
  /** one agency of the region (its own agencies, 本级), or null */
  agencyId: string | null;
}

export interface RegionPickerProps {
  value: RegionPick;
  onChange: (next: RegionPick, agencyName: string | null) => void;
  /** also offer one agency of the region (the dashboard, the compilation) */
  withAgency?: boolean;
  /** show nothing to an office with no region below its own (a list filter that would have nothing to pick) */
  onlyWithRegionsBelow?: boolean;
}

export function RegionPicker({ value, onChange, withAgency = true, onlyWithRegionsBelow = false }: RegionPickerProps) {
  const translate = useTranslate();
  const t = (key: string, options?: Record<string, unknown>) => translate(`touming.regions.picker.${key}`, options);
  const tree = useGraphQLQuery('agencies', RegionTreeDocument, {});
  const nodes = useMemo(() => tree.data?.regionTree.nodes ?? [], [tree.data]);
  const ownId = tree.data?.regionTree.ownRegionId ?? null;
  const currentId = value.regionId ?? ownId;
  const chain = useMemo(() => regionChain(nodes, currentId), [nodes, currentId]);
  const children = nodes.filter((n) => n.parentId === currentId && n.manageable).sort((a, b) => a.code.localeCompare(b.code));
  const agencies = useGraphQLQuery('agencies', RegionAgenciesDocument, { regionId: currentId ?? '' }, { enabled: withAgency && !!currentId });
  const agencyList = agencies.data?.agencies.items ?? [];
  const agency = agencyList.find((a) => a.id === value.agencyId) ?? null;

  if (!nodes.length || !currentId) return null;
  if (onlyWithRegionsBelow && !nodes.some((n) => n.manageable && n.id !== ownId)) return null;
  const levelOf = (level: string) => (isRegionLevel(level) ? REGION_LEVEL_LABELS[level] : level);
  const go = (regionId: string) => onChange({ regionId: regionId === ownId ? null : regionId, agencyId: null }, null);

  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center', mb: 1 }} data-testid="region-picker">
      <Breadcrumbs aria-label={t('breadcrumbs')} data-testid="region-breadcrumbs" sx={{ flexBasis: '100%' }}>
        {chain.map((n) => {
          const last = n.id === currentId && !agency;
          if (!n.manageable || last) {
            return (
              <Typography key={n.id} color={last ? 'text.primary' : 'text.secondary'} aria-current={last ? 'page' : undefined}>
                {n.name}
              </Typography>
            );
          }
          return (
            <Link key={n.id} component="button" type="button" underline="hover" onClick={() => go(n.id)} data-testid={`crumb-${n.code}`}>
              {n.name}
            </Link>
          );
        })}
        {agency && (
          <Typography color="text.primary" aria-current="page">
            {agency.name}
          </Typography>
        )}
      </Breadcrumbs>
      {children.length > 0 && (
        <TextField
          select
          fullWidth={false}
          size="small"
          label={t('child', { level: levelOf(children[0].level) })}
          value=""
          onChange={(e) => go(e.target.value)}
          sx={{ minWidth: 160 }}
          slotProps={{ htmlInput: { 'data-testid': 'region-child' } }}
        >
          {children.map((n) => (
            <MenuItem key={n.id} value={n.id}>
              {n.name}
            </MenuItem>
          ))}
        </TextField>
      )}
      {withAgency && agencyList.length > 0 && (
        <TextField
          select
          fullWidth={false}
          size="small"
          label={t('agency')}
          value={value.agencyId ?? ''}
          onChange={(e) => onChange({ regionId: value.regionId, agencyId: e.target.value || null }, agencyList.find((a) => a.id === e.target.value)?.name ?? null)}
          sx={{ minWidth: 200 }}
          slotProps={{ htmlInput: { 'data-testid': 'region-agency' } }}
        >
          <MenuItem value="">{t('all_agencies')}</MenuItem>
          {agencyList.map((a) => (
            <MenuItem key={a.id} value={a.id}>
              {a.name}
            </MenuItem>
          ))}
        </TextField>
      )}
    </Box>
  );
}
