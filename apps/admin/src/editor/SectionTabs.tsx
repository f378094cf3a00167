/**
 * One tab per section of the report, in the format's own order (一 … 六, the domain's sections), each
 * with a badge: how many errors and warnings point into it, or a dot when it only has blank cells (a
 * new report has hundreds; the summary says how many).
 */
import { useMemo } from 'react';
import { Badge, Box, Tab, Tabs } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { SectionDefinition, SectionKey } from '@touming/domain/formats';
import type { ValidationResult } from '@touming/domain/validation';
import { tabOfKey } from './draft';
import { BLANK_RULE } from './problems';

export interface SectionTabsProps {
  sections: readonly SectionDefinition[];
  value: SectionKey;
  onChange(section: SectionKey): void;
  validation: ValidationResult;
}

/** errors and warnings counted per tab; tabs that only have blank cells flagged */
export function problemsPerTab(validation: ValidationResult) {
  const counts: Record<string, number> = {};
  const blanks: Record<string, boolean> = {};
  for (const r of [...validation.errors, ...validation.warnings]) {
    const tabs = new Set(r.cells.map(tabOfKey));
    for (const t of tabs) {
      if (r.ruleId === BLANK_RULE) blanks[t] = true;
      else counts[t] = (counts[t] ?? 0) + 1;
    }
  }
  return { counts, blanks };
}

export function SectionTabs({ sections, value, onChange, validation }: SectionTabsProps) {
  const translate = useTranslate();
  const { counts, blanks } = useMemo(() => problemsPerTab(validation), [validation]);
  return (
    <Tabs
      value={value}
      onChange={(_, v: SectionKey) => onChange(v)}
      variant="scrollable"
      scrollButtons="auto"
      allowScrollButtonsMobile
      aria-label={translate('touming.editor.sections')}
      sx={{ borderBottom: 1, borderColor: 'divider' }}
    >
      {sections.map((section) => (
        <Tab
          key={section.key}
          value={section.key}
          data-testid={`tab-${section.key}`}
          label={
            <Badge
              color={counts[section.key] ? 'error' : 'warning'}
              badgeContent={counts[section.key] ?? (blanks[section.key] ? 1 : 0)}
              variant={counts[section.key] ? 'standard' : 'dot'}
              max={99}
              data-testid={`tab-badge-${section.key}`}
            >
              <Box component="span" sx={{ pr: counts[section.key] || blanks[section.key] ? 1.5 : 0 }}>
                {translate(`touming.editor.tabs.${section.key}`, { _: section.title })}
              </Box>
            </Badge>
          }
        />
      ))}
    </Tabs>
  );
}
