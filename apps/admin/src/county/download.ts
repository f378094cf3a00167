/**
 * Downloads through the browser: the county summary needs the bearer token, so it is fetched and saved
 * through a Blob link (a plain <a href> would arrive without the Authorization header).
 */
import { getToken } from '../providers/session';
import { FALLBACK_MESSAGES, isChinese } from '../providers/graphqlClient';
import type { CountyScope } from './types';

/** the summary file of the compilation on the screen: the same scope, region, extent or agency */
export function countySummaryUrl(year: number, ext: 'xlsx' | 'csv', scope?: CountyScope): string {
  const query = new URLSearchParams();
  const agency = scope?.kind === 'LIST' ? scope.agencyIds?.[0] : null;
  if (agency) query.set('agency', agency);
  else if (scope?.kind && scope.kind !== 'ALL') query.set('scope', scope.kind);
  if (scope?.regionId) query.set('region', scope.regionId);
  if (!agency && scope?.extent === 'OWN_LEVEL') query.set('extent', scope.extent);
  const search = query.toString();
  return `/download/county/${year}/summary.${ext}${search ? `?${search}` : ''}`;
}
export const openDataUrl = (year: number, ext: 'csv' | 'json') => `/download/open-data/${year}.${ext}`;
export const reportDownloadUrl = (revisionId: string, ext: 'html' | 'docx' | 'xlsx') => `/download/reports/${revisionId}.${ext}`;

/** the file name of a Content-Disposition header; the UTF-8 form (filename*=) wins over the plain one */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      /* a malformed encoding: try the plain name */
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
  return plain ? plain[1].trim() : fallback;
}

/** fetches a download with the session's token and saves it; a failure throws the server's Chinese message */
export async function saveDownload(url: string, fallbackName: string): Promise<void> {
  const token = getToken();
  let response: Response;
  try {
    response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  } catch {
    // the browser's own wording ("Failed to fetch") says nothing to a clerk
    throw new Error(FALLBACK_MESSAGES.NETWORK_ERROR);
  }
  if (!response.ok) {
    let message = response.status === 401 ? FALLBACK_MESSAGES.UNAUTHENTICATED : `下载失败（${response.status}）`;
    try {
      const body = (await response.json()) as { error?: string };
      if (body.error && isChinese(body.error)) message = body.error;
    } catch {
      /* not JSON: keep the status message */
    }
    throw new Error(message);
  }
  const blob = await response.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileNameOf(response.headers.get('content-disposition'), fallbackName);
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

/** year-over-year change as shown beside a total: "↑3", "↓2", "—" for no change, null when not comparable */
export function changeLabel(change: number | null | undefined): { text: string; direction: 'up' | 'down' | 'same' } | null {
  if (change === null || change === undefined || Number.isNaN(change)) return null;
  const rounded = Math.round(change * 100) / 100;
  if (rounded > 0) return { text: `↑${rounded}`, direction: 'up' };
  if (rounded < 0) return { text: `↓${Math.abs(rounded)}`, direction: 'down' };
  return { text: '—', direction: 'same' };
}
