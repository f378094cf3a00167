/**
 * A private MariaDB server for the reliability suite: its own datadir in /tmp, its own port, started
 * and stopped (and restarted by the fault test) here. Like e2e/replica/setup.sh, it never touches the
 * machine's shared server.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface PrivateMariadb {
  dir: string;
  port: number;
}

const rootFlag = () => (process.getuid?.() === 0 ? ['--user=root'] : []);

export function installMariadb(port: number): PrivateMariadb {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'touming-reliability-'));
  const install = spawnSync(
    'mariadb-install-db',
    ['--no-defaults', ...rootFlag(), `--datadir=${dir}/data`, '--auth-root-authentication-method=normal', '--skip-test-db'],
    { encoding: 'utf8' },
  );
  if (install.status !== 0) throw new Error(`mariadb-install-db failed: ${install.stderr}`);
  return { dir, port };
}

function ping(db: PrivateMariadb): boolean {
  return spawnSync('mariadb-admin', ['--no-defaults', '-h127.0.0.1', `-P${db.port}`, '-uroot', '--connect-timeout=1', 'ping'], { stdio: 'ignore' }).status === 0;
}

export async function startMariadb(db: PrivateMariadb): Promise<void> {
  const child = spawn(
    'mariadbd',
    [
      '--no-defaults',
      ...rootFlag(),
      `--datadir=${db.dir}/data`,
      `--port=${db.port}`,
      '--bind-address=127.0.0.1',
      `--socket=${db.dir}/sock`,
      `--pid-file=${db.dir}/pid`,
      '--skip-name-resolve',
      '--innodb-buffer-pool-size=64M',
      '--character-set-server=utf8mb4',
      '--collation-server=utf8mb4_unicode_ci',
      '--max-connections=300',
    ],
    { stdio: ['ignore', fs.openSync(`${db.dir}/server.log`, 'a'), fs.openSync(`${db.dir}/server.log`, 'a')], detached: true },
  );
  child.unref();
  for (let i = 0; i < 150; i++) {
    if (ping(db)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`private MariaDB did not start on ${db.port}; see ${db.dir}/server.log`);
}

/** a clean shutdown, as an operator would do it (the fault test restarts the server with it) */
export async function stopMariadb(db: PrivateMariadb): Promise<void> {
  spawnSync('mariadb-admin', ['--no-defaults', '-h127.0.0.1', `-P${db.port}`, '-uroot', 'shutdown'], { stdio: 'ignore' });
  const pidFile = `${db.dir}/pid`;
  for (let i = 0; i < 100 && fs.existsSync(pidFile); i++) await new Promise((r) => setTimeout(r, 100));
  if (fs.existsSync(pidFile)) {
    const pid = Number(fs.readFileSync(pidFile, 'utf8'));
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
}

export async function removeMariadb(db: PrivateMariadb): Promise<void> {
  await stopMariadb(db);
  if (db.dir.startsWith(path.join(os.tmpdir(), 'touming-reliability-'))) fs.rmSync(db.dir, { recursive: true, force: true });
}
