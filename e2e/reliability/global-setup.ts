import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { installMariadb, removeMariadb, startMariadb, type PrivateMariadb } from './mariadb';

/** one private MariaDB for the run; every test file records its figures in SUMMARY_DIR for the teardown */
let db: PrivateMariadb | undefined;
const started = Date.now();

export default async function setup(project: TestProject) {
  const port = Number(process.env.RELIABILITY_MARIADB_PORT ?? 3409);
  db = installMariadb(port);
  await startMariadb(db);
  const summaryDir = path.join(db.dir, 'summary');
  fs.mkdirSync(summaryDir);
  project.provide('mariadb', { dir: db.dir, port });
  project.provide('summaryDir', summaryDir);

  return async () => {
    const lines: string[] = [];
    for (const file of fs.readdirSync(summaryDir).sort()) {
      const figures = JSON.parse(fs.readFileSync(path.join(summaryDir, file), 'utf8')) as string[];
      lines.push(...figures);
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    console.log(
      [
        '',
        '==== 可靠性测试汇总 / reliability summary ====',
        ...lines.map((l) => `  • ${l}`),
        `  用时 ${seconds} 秒（私有 MariaDB 127.0.0.1:${port}，全部流量走回环地址）`,
        lines.some((l) => l.includes('LOST')) ? '  !!! 有数据丢失' : '  nothing lost — 无一丢失',
        '',
      ].join('\n'),
    );
    if (db) await removeMariadb(db);
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    mariadb: { dir: string; port: number };
    summaryDir: string;
  }
}
