/**
 * The built console (apps/admin/dist) over HTTP:
 *
 * - compressed: the console's build writes `x.br` and `x.gz` beside every text asset
 *   (apps/admin/precompress.ts, brotli quality 11 and gzip level 9, once per build); a request gets
 *   the smallest variant its Accept-Encoding allows. Compressing per request with a middleware would
 *   spend CPU on every download for a worse ratio (figures: `node e2e/load/assets.mjs`, docs/performance.md);
 *   a file without pre-compressed siblings is served as it is;
 * - cached: Vite's hashed files under /assets/ never change, so `max-age=1 year, immutable`;
 *   index.html (and anything else unhashed) is `no-cache`, i.e. revalidated with its ETag on every
 *   load, so a new deployment is picked up at once;
 * - only the files that exist in the build are served (a listing of dist, so no path ever reaches
 *   the file system from the URL; a miss re-reads the listing at most once a second, so a console
 *   rebuilt under a running server is picked up); any other GET outside the API paths is the
 *   single-page app's index.html, except a missing /assets/ file, which is a 404 (a stale tab after
 *   a redeployment must see its chunk fail, not receive HTML as JavaScript).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Express, Request, Response } from 'express';

const HASHED_PREFIX = '/assets/';
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

/** the compressed siblings the build writes, best first */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;
type Encoding = (typeof ENCODINGS)[number]['name'];

interface Asset {
  file: string;
  type: string;
  cacheControl: string;
  variants: Partial<Record<Encoding, string>>;
}

/** every servable file of the build by URL path ("/assets/index-x.js"); the .br/.gz files are variants, not assets */
export function listAssets(dist: string): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(full);
        continue;
      }
      if (!entry.isFile() || ENCODINGS.some((e) => entry.name.endsWith(e.suffix))) continue;
      const url = '/' + path.relative(dist, full).split(path.sep).join('/');
      const variants: Asset['variants'] = {};
      for (const e of ENCODINGS) if (fs.existsSync(full + e.suffix)) variants[e.name] = full + e.suffix;
      assets.set(url, {
        file: full,
        type: TYPES[path.extname(entry.name).toLowerCase()] ?? 'application/octet-stream',
        cacheControl: url.startsWith(HASHED_PREFIX) ? IMMUTABLE : REVALIDATE,
        variants,
      });
    }
  };
  walk(dist);
  return assets;
}

/** the encodings the client accepts (q > 0), from Accept-Encoding */
export function acceptedEncodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (q && !(Number(q.slice(2)) > 0)) continue;
    accepted.add(name);
  }
  return accepted;
}

function send(req: Request, res: Response, asset: Asset) {
  const accepted = acceptedEncodings(req.headers['accept-encoding']);
  const encoding = ENCODINGS.find((e) => asset.variants[e.name] && (accepted.has(e.name) || accepted.has('*')));
  res.setHeader('Cache-Control', asset.cacheControl);
  res.setHeader('Content-Type', asset.type);
  if (Object.keys(asset.variants).length) res.setHeader('Vary', 'Accept-Encoding');
  if (encoding) res.setHeader('Content-Encoding', encoding.name);
  // send() answers conditional requests (ETag/Last-Modified of the variant sent) with 304
  res.sendFile(encoding ? asset.variants[encoding.name]! : asset.file, { cacheControl: false, acceptRanges: false, dotfiles: 'allow' });
}

/**
 * Serve the console from `dist` when it has been built; false when there is no index.html. `apiPaths`
 * are the first path segments that belong to the API and never fall back to index.html.
 */
export function mountConsole(app: Express, dist: string, apiPaths: readonly string[] = ['graphql', 'healthz', 'readyz', 'metrics', 'download']): boolean {
  const index = path.join(dist, 'index.html');
  if (!fs.existsSync(index)) return false;
  let assets = listAssets(dist);
  let listedAt = Date.now();
  /** the asset of a path; on a miss the listing is read again (at most once a second) */
  const lookup = (urlPath: string): Asset | undefined => {
    const found = assets.get(urlPath);
    if (found || Date.now() - listedAt < 1000) return found;
    listedAt = Date.now();
    try {
      assets = listAssets(dist);
    } catch {
      // dist is being rebuilt (emptied, then written): keep the last listing until it is back
    }
    return assets.get(urlPath);
  };
  const api = new RegExp(`^/(${apiPaths.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(/|$)`);
  app.use((req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || api.test(req.path)) return next();
    const indexAsset = assets.get('/index.html') ?? lookup('/index.html');
    if (!indexAsset) return next();
    const asset = req.path === '/' ? indexAsset : lookup(req.path);
    if (asset) return send(req, res, asset);
    if (req.path.startsWith(HASHED_PREFIX)) {
      res.status(404).setHeader('Cache-Control', REVALIDATE);
      res.type('text/plain; charset=utf-8').send('找不到该文件：控制台可能已经更新，请刷新页面');
      return;
    }
    // single-page app: every other route is the console's index.html
    send(req, res, indexAsset);
  });
  return true;
}
