import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const RUNNER = fileURLToPath(new URL('../../packages/editor/src/bin/a6.ts', import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

function a6(args: readonly string[], cwd: string, env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ['--import', TSX, RUNNER, ...args], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Resolves with the server's URL once `a6 serve` printed it. */
function servedUrl(child: ChildProcess): Promise<{ url: string; stderr: () => string }> {
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      stdout += String(chunk);
      const match = /A6 Ledger: (http:\/\/127\.0\.0\.1:\d+)\//.exec(stdout);
      if (match) resolve({ url: match[1]!, stderr: () => stderr });
    });
    child.once('exit', (code) => reject(new Error(`a6 serve exited with ${code}: ${stderr}`)));
  });
}

async function finished(child: ChildProcess): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += String(chunk)));
  child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, stdout, stderr };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

describe('a6 serve and a6 token create', () => {
  const dir = mkdtempSync(join(tmpdir(), 'a6-serve-'));
  const store = `sqlite:${join(dir, '.a6', 'ledger.db')}`;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a fresh store: admin token (0600, printed once), examples loaded with glasgow_2021 in force, live appends decided', async () => {
    const child = a6(['serve', '--port', '0', '--store', store], dir);
    try {
      const { url, stderr } = await servedUrl(child);
      const tokenFile = join(dir, '.a6', 'admin-token');
      expect(statSync(tokenFile).mode & 0o777).toBe(0o600);
      const admin = readFileSync(tokenFile, 'utf8').trim();
      expect(stderr()).toContain(admin);
      const histories = (await (await fetch(`${url}/api/histories`)).json()) as { histories: { id: string; rulebook: { name: string } | null }[] };
      const example = histories.histories.find((history) => history.id === 'worked-example');
      expect(example?.rulebook?.name).toBe('glasgow_2021');
      const appended = await fetch(`${url}/api/histories/worked-example/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
        body: JSON.stringify([{ type: 'InventoryReported', data: { party: 'PER', year: 2024, emissions: 61_000_000 } }]),
      });
      expect(appended.status).toBe(201);
      expect(((await appended.json()) as { results: { verdict: string }[] }).results[0]!.verdict).toBe('accepted');
    } finally {
      await stop(child);
    }
  }, 180_000);

  it('a6 token create prints a token once; it works against the server; bad roles are usage errors', async () => {
    const created = await finished(a6(['token', 'create', '--role', 'designer', '--store', store, '--json'], dir));
    expect(created.code).toBe(0);
    const { token, role } = JSON.parse(created.stdout) as { token: string; role: string };
    expect(role).toBe('designer');
    const bad = await finished(a6(['token', 'create', '--role', 'operator', '--store', store], dir));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('is not a role');

    // Restart on the same store, anonymous reading off: the designer token reads and saves.
    const child = a6(['serve', '--port', '0', '--store', store], dir, { A6_ANONYMOUS: 'none' });
    try {
      const { url, stderr } = await servedUrl(child);
      expect(stderr()).not.toContain('generated an admin token');
      expect((await fetch(`${url}/api/rulebooks`)).status).toBe(401);
      const saved = await fetch(`${url}/api/rulebooks/mine.a6`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' },
        body: 'rulebook mine {\n}\n',
      });
      expect(saved.status).toBe(201);
    } finally {
      await stop(child);
    }
  }, 180_000);
});
