// @vitest-environment jsdom
import type { ReactElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render as renderBare, screen } from '@testing-library/react';
import { I18nContextProvider } from 'ra-core';
import { i18nProvider } from '../src/i18n/i18nProvider';
import { RegionCountsPanel } from '../src/county/RegionCountsPanel';
import type { CountySummary } from '../src/county/types';

afterEach(cleanup);
const render = (ui: ReactElement) => renderBare(<I18nContextProvider value={i18nProvider}>{ui}</I18nContextProvider>);

const counts = (included: number, missing: number, notPublished: number) => ({ agencies: included + missing + notPublished, included, missing, notPublished });

/** a province's compilation: too many agencies to list, counted by city and the province's own agencies */
const summary = {
  agenciesListed: false,
  agencyCounts: counts(9801, 60, 39),
  regions: [
    { regionId: 'p', regionCode: null, regionName: '某省', regionLevel: 'PROVINCE', ownLevel: true, counts: counts(99, 1, 0) },
    { regionId: 'c1', regionCode: '650100', regionName: '甲市', regionLevel: 'CITY', ownLevel: false, counts: counts(970, 20, 10) },
  ],
  included: [],
  missing: [],
  notPublished: [],
} as unknown as CountySummary;

describe('the compilation of a city or a province', () => {
  it('counts the agencies in all and by region, and opens a region below', () => {
    const open = vi.fn();
    render(<RegionCountsPanel summary={summary} onOpenRegion={open} />);
    expect(screen.getByTestId('county-included').textContent).toBe('已计入（9801）');
    expect(screen.getByTestId('county-missing').textContent).toBe('缺报（60）');
    expect(screen.getByTestId('county-not-published').textContent).toBe('尚未公开（39）');
    expect(screen.getByTestId('county-region-own').textContent).toContain('某省（本级）');
    expect(screen.getByTestId('county-region-650100').textContent).toBe('甲市9702010');
    fireEvent.click(screen.getByRole('button', { name: '查看甲市' }));
    expect(open).toHaveBeenCalledWith('c1');
  });
});
