import { afterEach, describe, expect, it, vi } from 'vitest';
import { changeLabel, countySummaryUrl, fileNameOf, saveDownload } from '../src/county/download';

describe('county summary helpers', () => {
  it('reads the UTF-8 file name of a download before the plain one', () => {
    const name = '全县政府信息公开工作年度报告汇总-2023.xlsx';
    expect(fileNameOf(`attachment; filename="summary.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`, 'x')).toBe(name);
    expect(fileNameOf('attachment; filename="summary.csv"', 'x')).toBe('summary.csv');
    expect(fileNameOf(null, 'fallback.csv')).toBe('fallback.csv');
  });

  it('asks for the summary file of the scope on the screen', () => {
    expect(countySummaryUrl(2025, 'xlsx')).toBe('/download/county/2025/summary.xlsx');
    expect(countySummaryUrl(2025, 'xlsx', { kind: 'ALL', regionId: null, extent: 'SUBTREE' })).toBe('/download/county/2025/summary.xlsx');
    expect(countySummaryUrl(2025, 'csv', { kind: 'TOWNSHIPS', regionId: 'r-1', extent: 'OWN_LEVEL' })).toBe('/download/county/2025/summary.csv?scope=TOWNSHIPS&region=r-1&extent=OWN_LEVEL');
    // one agency: the agency alone says it, whatever the kind and extent around it
    expect(countySummaryUrl(2025, 'xlsx', { kind: 'LIST', agencyIds: ['a-7'], regionId: 'r-1', extent: 'OWN_LEVEL' })).toBe('/download/county/2025/summary.xlsx?agency=a-7&region=r-1');
  });

  it('shows the change from last year as an arrow, and nothing when not comparable', () => {
    expect(changeLabel(3)).toEqual({ text: '↑3', direction: 'up' });
    expect(changeLabel(-2.5)).toEqual({ text: '↓2.5', direction: 'down' });
    expect(changeLabel(0)).toEqual({ text: '—', direction: 'same' });
    expect(changeLabel(null)).toBeNull();
  });
});

describe('county downloads', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('names a failed connection and an expired session in Chinese, not in the browser\'s words', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    await expect(saveDownload('/download/county/2025/summary.xlsx', 'x.xlsx')).rejects.toThrow('无法连接服务器，请检查网络后重试');
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response(JSON.stringify({ error: 'Unauthorized' }), { status: 401 })));
    await expect(saveDownload('/download/county/2025/summary.xlsx', 'x.xlsx')).rejects.toThrow('登录已失效，请重新登录');
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response(JSON.stringify({ error: '没有该年度的汇总' }), { status: 404 })));
    await expect(saveDownload('/download/county/2025/summary.xlsx', 'x.xlsx')).rejects.toThrow('没有该年度的汇总');
  });
});
