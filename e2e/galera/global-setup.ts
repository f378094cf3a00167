import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { galeraMissing, planCluster, removeCluster, startCluster, type GaleraCluster } from './cluster';

/**
 * One private three-node Galera cluster for the run (see cluster.ts). Where galera-4, rsync or
 * MariaDB are missing the suite is skipped, loudly; REQUIRE_GALERA=1 makes that a failure (CI).
 * The test file records its figures in SUMMARY_DIR; the teardown prints them and removes everything.
 */
const started = Date.now();

export default async function setup(project: TestProject) {
  const missing = galeraMissing();
  if (missing) {
    if (process.env.REQUIRE_GALERA === '1')
      throw new Error(`REQUIRE_GALERA=1，但无法启动 Galera 集群：${missing}`);
    console.warn(`\n*** 跳过 Galera 集群测试：${missing} ***\n`);
    project.provide('galera', null);
    project.provide('summaryDir', '');
    return;
  }
  const cluster: GaleraCluster = planCluster(Number(process.env.GALERA_BASE_PORT ?? 3431));
  try {
    await startCluster(cluster);
  } catch (error) {
    await removeCluster(cluster);
    throw error;
  }
  const summaryDir = path.join(cluster.dir, 'summary');
  fs.mkdirSync(summaryDir);
  project.provide('galera', cluster);
  project.provide('summaryDir', summaryDir);
  console.log(
    `Galera 集群已启动（${((Date.now() - started) / 1000).toFixed(0)} 秒）：${cluster.nodes.map((n) => `127.0.0.1:${n.port}`).join(', ')}`,
  );

  return async () => {
    const lines: string[] = [];
    for (const file of fs.existsSync(summaryDir) ? fs.readdirSync(summaryDir).sort() : []) {
      lines.push(...(JSON.parse(fs.readFileSync(path.join(summaryDir, file), 'utf8')) as string[]));
    }
    console.log(
      [
        '',
        '==== Galera 多主集群测试汇总 / galera summary ====',
        ...lines.map((l) => `  • ${l}`),
        `  用时 ${((Date.now() - started) / 1000).toFixed(0)} 秒（私有三节点集群 ${cluster.nodes.map((n) => n.port).join('/')}，rsync SST，全部在回环地址）`,
        '',
      ].join('\n'),
    );
    await removeCluster(cluster);
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    galera: GaleraCluster | null;
    summaryDir: string;
  }
}
