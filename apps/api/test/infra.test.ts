/**
 * infra/ cannot run here (no container engine, no cluster, no hadolint): this checks what can be
 * checked without one — every manifest parses, and the operational wiring (probes, migrations, secrets) is there.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { parseTrustProxy } from '../src/http/trust-proxy';

// js-yaml is in the root lock (eslint's dependency); it ships no types
const yaml = createRequire(__filename)('js-yaml') as { load(text: string): unknown; loadAll(text: string): unknown[] };

const INFRA = path.resolve(__dirname, '..', '..', '..', 'infra');
const read = (file: string) => fs.readFileSync(path.join(INFRA, file), 'utf8');
const docs = (file: string) => yaml.loadAll(read(file)) as any[];

describe('infra/k8s manifests', () => {
  const all = fs
    .readdirSync(path.join(INFRA, 'k8s'))
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((f) => docs(path.join('k8s', f)));
  const byKind = (kind: string) => all.find((d) => d?.kind === kind);

  it('parse, and each names an apiVersion, kind and metadata.name', () => {
    expect(all.length).toBeGreaterThanOrEqual(6);
    for (const d of all) {
      expect(d.apiVersion).toBeTruthy();
      expect(d.kind).toBeTruthy();
      expect(d.metadata?.name).toBeTruthy();
    }
  });

  it('the Deployment probes /readyz and /healthz, runs as non-root and reads the ConfigMap and Secret', () => {
    const c = byKind('Deployment').spec.template.spec.containers[0];
    expect(c.readinessProbe.httpGet.path).toBe('/readyz');
    expect(c.livenessProbe.httpGet.path).toBe('/healthz');
    expect(byKind('Deployment').spec.template.spec.securityContext.runAsNonRoot).toBe(true);
    const from = c.envFrom.map((e: any) => e.configMapRef?.name ?? e.secretRef?.name);
    expect(from).toEqual(expect.arrayContaining([byKind('ConfigMap').metadata.name, byKind('Secret').metadata.name]));
    expect(byKind('Deployment').spec.selector.matchLabels).toEqual(byKind('Service').spec.selector);
  });

  it('metrics on their own port (scraped, not in the Service); the proxy setting is one the API accepts', () => {
    const config = byKind('ConfigMap').data;
    const deployment = byKind('Deployment').spec.template;
    expect(deployment.metadata.annotations['prometheus.io/port']).toBe(config.METRICS_PORT);
    expect(deployment.spec.containers[0].ports.map((p: any) => String(p.containerPort))).toContain(config.METRICS_PORT);
    expect(byKind('Service').spec.ports.map((p: any) => String(p.targetPort))).not.toContain(config.METRICS_PORT);
    expect(byKind('Service').spec.ports.map((p: any) => p.targetPort)).not.toContain('metrics');
    expect(() => loadConfig({ ...config, JWT_SECRET: 'q8Zr3kV1xN0pLw7TyB2mC5dH9fJ4sG6uYt1Re8Wq5Ez0Ua3Io7Pl', DATABASE_URL: 'sqlite::memory:' })).not.toThrow();
    expect(parseTrustProxy(config.TRUST_PROXY)).toBe(1);
  });

  it('the migration Job runs touming migrate; the HPA scales the Deployment', () => {
    expect(byKind('Job').spec.template.spec.containers[0].command.join(' ')).toMatch(/touming(\.js)? migrate$/);
    expect(byKind('HorizontalPodAutoscaler').spec.scaleTargetRef.name).toBe(byKind('Deployment').metadata.name);
    expect(byKind('ConfigMap').data.MIGRATE_ON_START).toBe('false');
  });
});

describe('infra/docker-compose.yml', () => {
  const compose = yaml.load(read('docker-compose.yml')) as any;
  it('MySQL 8 with a volume; a migrate step before the API; the API health-checked on /readyz', () => {
    expect(compose.services.mysql.image).toMatch(/^mysql:8/);
    expect(compose.services.mysql.volumes[0]).toMatch(/^mysql-data:/);
    expect(compose.services.migrate.command.join(' ')).toMatch(/touming(\.js)? migrate$/);
    expect(compose.services.touming.depends_on.migrate.condition).toBe('service_completed_successfully');
    expect(compose.services.touming.healthcheck.test.join(' ')).toContain('/readyz');
  });
});

describe('infra/Dockerfile', () => {
  const text = read('Dockerfile');
  it('is multi-stage, installs with npm ci, builds, runs as non-root and starts the API', () => {
    expect(text.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    expect(text).toMatch(/^RUN npm ci\b/m);
    expect(text).toMatch(/^RUN npm run build$/m);
    expect(text).toMatch(/^COPY .*apps\/admin\/dist/m);
    expect(text).toMatch(/^USER (?!root)\w+/m);
    expect(text).toMatch(/^CMD \["node", "apps\/api\/dist\/main\.js"\]$/m);
    // every file the runtime stage copies from the build stage is produced there by the build
    for (const [, from] of text.matchAll(/^COPY --from=build \S+ (\S+) /gm)) {
      expect(from).toMatch(/^\/src\//);
    }
  });
});
