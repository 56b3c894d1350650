import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// Relative until `@a6/dsl` re-exports the loader; the Node host is deliberately not in the browser-safe index.
import { loadRulebook } from '@a6/dsl';
import { nodeSourceHost } from '@a6/dsl/node';
import { replaySync } from '../engine/replay.ts';
import { decodeHistoryLines } from '../events/decode-history.ts';
import { buildReplayReport } from '../report/replay-report.ts';
import type { CaToolExpectedSummary } from './ca-tool-expected-summary.ts';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const read = (path: string): string => readFileSync(new URL(path, `file://${ROOT}`), 'utf8');

describe('the real Article 6.2 data replayed under glasgow_2021 (golden)', () => {
  it('accepts all 914 events and agrees host by host with the independent expectation', async () => {
    const decoded = await decodeHistoryLines(read('examples/histories/a62-ca-tool-2026-08-14.ndjson').split('\n'));
    if (!decoded.ok) throw new Error(JSON.stringify(decoded.issues.slice(0, 3)));
    const loaded = loadRulebook(nodeSourceHost(ROOT), 'examples/rulebooks/glasgow-2021.a6');
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
    const report = buildReplayReport(replaySync(decoded.events, loaded.rulebook));
    expect(report.verdicts).toEqual({ accepted: 914, rejected: 0, findings: 0 });

    const expected = JSON.parse(read('examples/histories/a62-ca-tool-2026-08-14.expected.json')) as CaToolExpectedSummary;
    for (const [party, host] of Object.entries(expected.hosts)) {
      expect(report.parties[party] ?? null, party).toEqual(host.glasgow);
    }
    expect(Object.keys(report.parties).sort()).toEqual(Object.keys(expected.hosts).filter((party) => expected.hosts[party]!.glasgow !== null));
  });
});
