/**
 * GET /metrics (Prometheus) is not for the public: it shows what the server is doing, and each
 * series costs memory. It is served
 * - on a separate port (METRICS_PORT), which only the cluster's network reaches — the main port then
 *   has no /metrics at all; or
 * - on the main port to a scraper that presents METRICS_TOKEN as a bearer token; or
 * - nowhere, when neither is configured (404, like any unknown path).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { Express } from 'express';
import { registry } from '../observability';

export interface MetricsOptions {
  /** bearer token a scraper must present on the main port; null = /metrics not on the main port */
  metricsToken: string | null;
  /** a separate port serving only /metrics; null = none */
  metricsPort: number | null;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** compares in constant time (digests of equal length), so the token cannot be guessed byte by byte */
function tokenMatches(authorization: string | undefined, token: string): boolean {
  const m = /^Bearer\s+(.+)$/i.exec(authorization ?? '');
  return !!m && timingSafeEqual(digest(m[1].trim()), digest(token));
}

async function sendMetrics(res: http.ServerResponse): Promise<void> {
  const body = await registry.metrics();
  res.writeHead(200, { 'content-type': registry.contentType });
  res.end(body);
}

export function mountMetrics(app: Express, options: MetricsOptions): void {
  app.get('/metrics', async (req, res) => {
    const token = options.metricsPort === null ? options.metricsToken : null;
    if (!token) {
      res.status(404).type('text/plain').send('Not Found');
      return;
    }
    if (!tokenMatches(req.headers.authorization, token)) {
      res.status(401).setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      res.type('text/plain').send('需要指标令牌（METRICS_TOKEN）');
      return;
    }
    await sendMetrics(res);
  });
}

/** the separate metrics listener (not yet listening): GET /metrics, 404 for everything else */
export function createMetricsServer(): http.Server {
  return http.createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (req.method === 'GET' && path === '/metrics') {
      sendMetrics(res).catch(() => {
        res.writeHead(500);
        res.end();
      });
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('Not Found');
  });
}
