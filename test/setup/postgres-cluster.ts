import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, chownSync, appendFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

/**
 * A throwaway PostgreSQL 15 cluster for tests: `initdb` into a fresh temp dir, listening on loopback
 * only, on a free port, with its unix socket inside the temp dir (so it never collides with a system
 * cluster) and trust auth on loopback. Stopped by its postmaster pid, and the dir removed, at `stop()`.
 */
export interface PostgresCluster {
  /** `postgres://postgres@127.0.0.1:PORT/DATABASE` */
  readonly url: string;
  readonly port: number;
  /** The postmaster's pid (from `postmaster.pid`). */
  readonly pid: number;
  readonly dir: string;
  stop(): Promise<void>;
}

export type PostgresBinaries = { readonly ok: true; readonly binDir: string } | { readonly ok: false; readonly reason: string };

const DEFAULT_BIN_DIRS = ['/usr/lib/postgresql/15/bin'];
const REQUIRED_BINARIES = ['initdb', 'pg_ctl', 'pg_isready', 'createdb', 'postgres'];

/** Finds the PostgreSQL 15 server binaries (`A6_POSTGRES_BIN` overrides the Debian location). */
export function findPostgresBinaries(env: NodeJS.ProcessEnv = process.env): PostgresBinaries {
  const candidates = env.A6_POSTGRES_BIN ? [env.A6_POSTGRES_BIN] : DEFAULT_BIN_DIRS;
  for (const binDir of candidates) {
    const missing = REQUIRED_BINARIES.filter((name) => !existsSync(join(binDir, name)));
    if (missing.length === 0) return { ok: true, binDir };
  }
  return {
    ok: false,
    reason: `PostgreSQL 15 server binaries not found in ${candidates.join(', ')} (install the Debian package postgresql-15, or run scripts/ensure-test-engines.sh)`,
  };
}

export interface StartPostgresOptions {
  readonly binDir?: string;
  readonly database?: string;
  /** Seconds to wait for the server to accept connections. */
  readonly startTimeoutSeconds?: number;
}

export async function startPostgresCluster(options: StartPostgresOptions = {}): Promise<PostgresCluster> {
  const binDir = options.binDir ?? requireBinaries();
  const database = options.database ?? 'a6test';
  const dir = mkdtempSync(join(tmpdir(), 'a6-pg-'));
  const dataDir = join(dir, 'data');
  // initdb and postgres refuse to run as root; the Debian package always creates the `postgres` user.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const owner = lookupUser('postgres');
    chownSync(dir, owner.uid, owner.gid);
  }
  const run = (binary: string, args: readonly string[]): string => {
    const command = asRoot ? ['runuser', ['-u', 'postgres', '--', join(binDir, binary), ...args]] as const : [join(binDir, binary), args] as const;
    const result = spawnSync(command[0], command[1], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
    if (result.status !== 0) {
      throw new PostgresClusterError(`${binary} ${args.join(' ')} failed (exit ${result.status ?? result.signal}): ${result.stderr || result.stdout}`);
    }
    return result.stdout;
  };

  let pid: number | null = null;
  const removeExitHook = onProcessExit(() => {
    // Last resort when the runner dies before teardown: immediate shutdown, then drop the files.
    if (pid !== null) killQuietly(pid, 'SIGQUIT');
    rmSync(dir, { recursive: true, force: true });
  });

  try {
    run('initdb', ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    // A throwaway cluster needs no durability: skipping fsync keeps the contract suite fast on 2 cores.
    const settings = {
      listen_addresses: "'127.0.0.1'",
      unix_socket_directories: `'${dir}'`,
      fsync: 'off',
      synchronous_commit: 'off',
      full_page_writes: 'off',
      max_connections: '200',
      shared_buffers: "'64MB'",
    };
    appendFileSync(dataDir + '/postgresql.conf', '\n# a6 throwaway test cluster\n' + Object.entries(settings).map(([k, v]) => `${k} = ${v}`).join('\n') + '\n');

    // The port is picked free just before start; another process can grab it in between, so retry.
    let port = 0;
    for (let attempt = 1; ; attempt++) {
      port = await freeLoopbackPort();
      try {
        run('pg_ctl', ['start', '-w', '-t', String(options.startTimeoutSeconds ?? 60), '-D', dataDir, '-l', join(dir, 'server.log'), '-o', `-p ${port}`]);
        break;
      } catch (error) {
        if (attempt >= 3) throw new PostgresClusterError(`${(error as Error).message}\n--- server.log ---\n${readLog(dir)}`);
      }
    }
    pid = readPostmasterPid(dataDir);
    await waitUntilAccepting(binDir, port, options.startTimeoutSeconds ?? 60);
    const created = spawnSync(join(binDir, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', database], { encoding: 'utf8' });
    if (created.status !== 0) throw new PostgresClusterError(`createdb ${database} failed: ${created.stderr}`);

    const postmasterPid = pid;
    let stopped = false;
    return {
      url: `postgres://postgres@127.0.0.1:${port}/${database}`,
      port,
      pid: postmasterPid,
      dir,
      async stop() {
        if (stopped) return;
        stopped = true;
        await stopPostmaster(postmasterPid);
        rmSync(dir, { recursive: true, force: true });
        removeExitHook();
      },
    };
  } catch (error) {
    if (pid !== null) await stopPostmaster(pid);
    rmSync(dir, { recursive: true, force: true });
    removeExitHook();
    throw error;
  }
}

export class PostgresClusterError extends Error {
  override readonly name = 'PostgresClusterError';
}

function requireBinaries(): string {
  const found = findPostgresBinaries();
  if (!found.ok) throw new PostgresClusterError(found.reason);
  return found.binDir;
}

function lookupUser(name: string): { uid: number; gid: number } {
  const result = spawnSync('id', ['-u', name], { encoding: 'utf8' });
  const group = spawnSync('id', ['-g', name], { encoding: 'utf8' });
  if (result.status !== 0 || group.status !== 0) {
    throw new PostgresClusterError(`running as ${userInfo().username}: initdb cannot run as root and there is no '${name}' user to run it as`);
  }
  return { uid: Number(result.stdout.trim()), gid: Number(group.stdout.trim()) };
}

function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function readPostmasterPid(dataDir: string): number {
  const firstLine = readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0] ?? '';
  const pid = Number(firstLine.trim());
  if (!Number.isInteger(pid) || pid <= 0) throw new PostgresClusterError(`unreadable postmaster.pid: ${JSON.stringify(firstLine)}`);
  return pid;
}

async function waitUntilAccepting(binDir: string, port: number, timeoutSeconds: number): Promise<void> {
  const deadline = Date.now() + timeoutSeconds * 1000;
  for (;;) {
    const ready = spawnSync(join(binDir, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-t', '5'], { encoding: 'utf8' });
    if (ready.status === 0) return;
    if (Date.now() > deadline) throw new PostgresClusterError(`PostgreSQL on 127.0.0.1:${port} did not accept connections within ${timeoutSeconds}s: ${ready.stdout}`);
    await sleep(100);
  }
}

/**
 * Immediate shutdown (SIGQUIT) by pid: the data is thrown away, so the shutdown checkpoint of a fast
 * shutdown would only cost time. Escalates to SIGKILL if the postmaster lingers.
 */
async function stopPostmaster(pid: number): Promise<void> {
  const steps: readonly [NodeJS.Signals, number][] = [['SIGQUIT', 10_000], ['SIGKILL', 5_000]];
  for (const [signal, waitMs] of steps) {
    if (!isAlive(pid)) return;
    killQuietly(pid, signal);
    const deadline = Date.now() + waitMs;
    while (isAlive(pid) && Date.now() < deadline) await sleep(50);
  }
}

/** Whether a process runs (a zombie does not). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // pg_ctl daemonizes the postmaster; where PID 1 does not reap orphans, an exited one stays a zombie.
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

function killQuietly(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

function onProcessExit(hook: () => void): () => void {
  process.once('exit', hook);
  return () => process.removeListener('exit', hook);
}

function readLog(dir: string): string {
  try {
    return readFileSync(join(dir, 'server.log'), 'utf8').slice(-4000);
  } catch {
    return '(no server.log)';
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
