/**
 * A private three-node MariaDB Galera cluster on loopback for npm run test:galera: own datadirs in
 * /tmp, own ports (client GALERA_BASE_PORT…+2, default 3431–3433; group communication +1200, IST
 * +1210, SST +1220), rsync SST. The machine's shared MariaDB (3306) is never touched.
 *
 * - mariadbd runs as `mysql` when the test runs as root: the rsync SST script refuses to run its
 *   rsync daemon as root, so the datadirs are chowned to mysql.
 * - The first node bootstraps the cluster (--wsrep-new-cluster); the others join by SST.
 * - A node killed with SIGKILL is started again the way galera_recovery does it: `--wsrep-recover`
 *   reads the last committed position from InnoDB and the node starts from there
 *   (--wsrep-start-position), so it rejoins by IST (the writes it missed) instead of a full SST.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const GALERA_LIBRARY = process.env.GALERA_LIBRARY ?? '/usr/lib/galera/libgalera_smm.so';

export interface GaleraNode {
  index: number;
  name: string;
  dir: string;
  port: number;
  gcommPort: number;
  istPort: number;
  sstPort: number;
}

export interface GaleraCluster {
  dir: string;
  nodes: GaleraNode[];
  /** the OS user mariadbd runs as, or null for the current user */
  user: string | null;
}

/** why the cluster cannot be started here (missing galera-4, rsync, mariadbd …), or null */
export function galeraMissing(): string | null {
  if (!fs.existsSync(GALERA_LIBRARY)) return `${GALERA_LIBRARY} 不存在（apt-get install galera-4）`;
  for (const tool of ['mariadbd', 'mariadb-install-db', 'mariadb', 'rsync']) {
    if (
      spawnSync('sh', ['-c', `command -v ${tool} || test -x /usr/sbin/${tool}`], { stdio: 'ignore' })
        .status !== 0
    ) {
      return `找不到 ${tool}（apt-get install mariadb-server rsync）`;
    }
  }
  if (process.getuid?.() === 0 && spawnSync('id', ['mysql'], { stdio: 'ignore' }).status !== 0)
    return '以 root 运行时需要系统用户 mysql';
  return null;
}

const MARIADBD = fs.existsSync('/usr/sbin/mariadbd') ? '/usr/sbin/mariadbd' : 'mariadbd';

export function planCluster(basePort: number): GaleraCluster {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'touming-galera-'));
  const user = process.getuid?.() === 0 ? 'mysql' : null;
  const nodes = [0, 1, 2].map((i) => ({
    index: i,
    name: `node${i + 1}`,
    dir: path.join(dir, `node${i + 1}`),
    port: basePort + i,
    gcommPort: basePort + 1200 + i,
    istPort: basePort + 1210 + i,
    sstPort: basePort + 1220 + i,
  }));
  // mysql must reach its datadir through the temporary directory
  fs.chmodSync(dir, 0o755);
  return { dir, nodes, user };
}

function serverArgs(cluster: GaleraCluster, node: GaleraNode): string[] {
  const peers = cluster.nodes.map((n) => `127.0.0.1:${n.gcommPort}`).join(',');
  return [
    '--no-defaults',
    ...(cluster.user ? [`--user=${cluster.user}`] : []),
    `--datadir=${node.dir}/data`,
    `--port=${node.port}`,
    '--bind-address=127.0.0.1',
    `--socket=${node.dir}/sock`,
    `--pid-file=${node.dir}/pid`,
    `--log-error=${node.dir}/server.log`,
    '--skip-name-resolve',
    '--innodb-buffer-pool-size=64M',
    '--character-set-server=utf8mb4',
    '--collation-server=utf8mb4_unicode_ci',
    '--max-connections=300',
    // what Galera requires: row-based replication, InnoDB, interleaved auto-increment locks
    '--binlog-format=ROW',
    '--default-storage-engine=InnoDB',
    '--innodb-autoinc-lock-mode=2',
    '--wsrep-on=ON',
    `--wsrep-provider=${GALERA_LIBRARY}`,
    '--wsrep-cluster-name=touming-test',
    `--wsrep-cluster-address=gcomm://${peers}`,
    `--wsrep-node-name=${node.name}`,
    `--wsrep-node-address=127.0.0.1:${node.gcommPort}`,
    `--wsrep-provider-options=gmcast.listen_addr=tcp://127.0.0.1:${node.gcommPort};ist.recv_addr=127.0.0.1:${node.istPort};gcache.size=256M`,
    '--wsrep-sst-method=rsync',
    `--wsrep-sst-receive-address=127.0.0.1:${node.sstPort}`,
  ];
}

function install(cluster: GaleraCluster, node: GaleraNode): void {
  fs.mkdirSync(node.dir, { recursive: true });
  const r = spawnSync(
    'mariadb-install-db',
    [
      '--no-defaults',
      ...(cluster.user ? [`--user=${cluster.user}`] : []),
      `--datadir=${node.dir}/data`,
      '--auth-root-authentication-method=normal',
      '--skip-test-db',
    ],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`mariadb-install-db failed for ${node.name}: ${r.stderr}`);
  if (cluster.user) spawnSync('chown', ['-R', `${cluster.user}:${cluster.user}`, node.dir]);
}

function launch(cluster: GaleraCluster, node: GaleraNode, extra: string[]): void {
  const out = fs.openSync(`${node.dir}/stdout.log`, 'a');
  const child = spawn(MARIADBD, [...serverArgs(cluster, node), ...extra], {
    stdio: ['ignore', out, out],
    detached: true,
  });
  child.unref();
}

export function query(node: GaleraNode, sql: string): { ok: boolean; out: string } {
  const r = spawnSync(
    'mariadb',
    [
      '--no-defaults',
      '-h127.0.0.1',
      `-P${node.port}`,
      '-uroot',
      '--connect-timeout=2',
      '-N',
      '-B',
      '-e',
      sql,
    ],
    { encoding: 'utf8', timeout: 20_000 },
  );
  return { ok: r.status === 0, out: (r.stdout ?? '').trim() };
}

/** the node's wsrep_local_state_comment: Synced, Joining, Donor/Desynced …; null when unreachable */
export function nodeState(node: GaleraNode): string | null {
  const r = query(node, "SHOW STATUS LIKE 'wsrep_local_state_comment'");
  return r.ok ? (r.out.split('\t')[1] ?? null) : null;
}

export function clusterSize(node: GaleraNode): number {
  const r = query(node, "SHOW STATUS LIKE 'wsrep_cluster_size'");
  return r.ok ? Number(r.out.split('\t')[1]) : 0;
}

export async function waitSynced(node: GaleraNode, timeoutMs = 120_000): Promise<number> {
  const t0 = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    if (nodeState(node) === 'Synced') return Date.now() - t0;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${node.name} did not reach Synced in ${timeoutMs} ms; see ${node.dir}/server.log`);
}

/** install and start all three nodes, the first bootstrapping the cluster; resolves when all are Synced */
export async function startCluster(cluster: GaleraCluster): Promise<void> {
  const [first, ...others] = cluster.nodes;
  for (const node of cluster.nodes) install(cluster, node);
  launch(cluster, first, ['--wsrep-new-cluster']);
  await waitSynced(first);
  // both joiners at once: one takes its SST from the first node while the other starts up, then
  // waits for a free donor (Galera retries the request every second)
  for (const node of others) launch(cluster, node, []);
  for (const node of others) await waitSynced(node, 240_000);
}

export function pidOf(node: GaleraNode): number | null {
  try {
    return Number(fs.readFileSync(`${node.dir}/pid`, 'utf8').trim()) || null;
  } catch {
    return null;
  }
}

/** SIGKILL the node's mariadbd (a crash: no clean shutdown, grastate.dat keeps seqno -1) */
export async function killNode(node: GaleraNode): Promise<void> {
  const pid = pidOf(node);
  if (!pid) throw new Error(`${node.name} has no pid file`);
  process.kill(pid, 'SIGKILL');
  for (let i = 0; i < 100; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      fs.rmSync(`${node.dir}/pid`, { force: true });
      return;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${node.name} (pid ${pid}) survived SIGKILL`);
}

/** recover the crashed node's position from InnoDB and start it from there: it rejoins by IST */
export async function restartNode(
  cluster: GaleraCluster,
  node: GaleraNode,
): Promise<{ position: string; syncedAfterMs: number; ist: boolean }> {
  const t0 = Date.now();
  const recoverLog = `${node.dir}/recover.log`;
  fs.rmSync(recoverLog, { force: true });
  const r = spawnSync(
    MARIADBD,
    [
      ...serverArgs(cluster, node).map((a) =>
        a.startsWith('--log-error=') ? `--log-error=${recoverLog}` : a,
      ),
      '--wsrep-recover',
      '--skip-networking',
      `--socket=${node.dir}/recover.sock`,
      `--pid-file=${node.dir}/recover.pid`,
    ],
    { encoding: 'utf8', timeout: 60_000 },
  );
  const log = fs.existsSync(recoverLog) ? fs.readFileSync(recoverLog, 'utf8') : r.stderr;
  const m = /Recovered position: (\S+:-?\d+)/.exec(log);
  if (!m) throw new Error(`--wsrep-recover found no position for ${node.name}: ${log.slice(-2000)}`);
  const logSize = fs.existsSync(`${node.dir}/server.log`) ? fs.statSync(`${node.dir}/server.log`).size : 0;
  launch(cluster, node, [`--wsrep-start-position=${m[1]}`]);
  await waitSynced(node);
  const since = fs.readFileSync(`${node.dir}/server.log`, 'utf8').slice(logSize);
  return {
    position: m[1],
    syncedAfterMs: Date.now() - t0,
    ist: /rsync IST completed on joiner/.test(since) && !/rsync SST completed on joiner/.test(since),
  };
}

/** stop every node (clean shutdown, then SIGKILL) and remove the directory */
export async function removeCluster(cluster: GaleraCluster): Promise<void> {
  for (const node of [...cluster.nodes].reverse()) {
    spawnSync(
      'mariadb-admin',
      ['--no-defaults', '-h127.0.0.1', `-P${node.port}`, '-uroot', '--connect-timeout=2', 'shutdown'],
      { stdio: 'ignore', timeout: 30_000 },
    );
  }
  for (const node of cluster.nodes) {
    const pid = pidOf(node);
    if (!pid) continue;
    for (let i = 0; i < 100; i++) {
      try {
        process.kill(pid, 0);
      } catch {
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
  if (cluster.dir.startsWith(path.join(os.tmpdir(), 'touming-galera-')) && !process.env.GALERA_KEEP)
    fs.rmSync(cluster.dir, { recursive: true, force: true });
}
