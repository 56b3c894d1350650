import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toHistoryEvent } from '@a6/ledger';
import { runA6 } from '../../packages/editor/src/cli/run-a6.test-support.ts';
import { API_TEST_RULEBOOK, startApi, type ApiHarness } from './api-harness.ts';

const LENIENT = 'rulebook lenient "accepts every transfer" {\n  option adjustment.single_year = party_method\n}\n';

// The server's HTML compare report and the CLI's are one rendering of one compare (COMPARE_RENDERINGS).
describe('POST /api/compare (Accept: text/html) and a6 compare --format html', () => {
  let api: ApiHarness;
  const dir = mkdtempSync(join(tmpdir(), 'a6-compare-html-'));
  beforeAll(async () => {
    api = await startApi({ seed: 'history' });
  });
  afterAll(async () => {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('are byte-identical for the same history and rulebooks', async () => {
    const served = await api.call('POST', '/api/compare', {
      headers: { accept: 'text/html' },
      body: { history: 'main', rulebooks: [{ file: 'api-test.a6' }, { source: LENIENT, file: 'lenient.a6' }] },
    });
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toMatch(/^text\/html/);

    const lines: string[] = [];
    for await (const event of api.store.readHistory('main')) lines.push(JSON.stringify(toHistoryEvent(event)));
    writeFileSync(join(dir, 'history.ndjson'), `${lines.join('\n')}\n`);
    writeFileSync(join(dir, 'api-test.a6'), API_TEST_RULEBOOK);
    writeFileSync(join(dir, 'lenient.a6'), LENIENT);
    const printed = await runA6(['compare', '--history', 'history.ndjson', '--rulebook', 'api-test.a6', '--rulebook', 'lenient.a6', '--format', 'html'], { cwd: dir });
    expect(printed).toMatchObject({ exitCode: 0, stderr: '' });

    expect(served.text).toContain('lenient');
    expect(served.text).toBe(printed.stdout);
  });
});
