import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runA6 as a6 } from '../../packages/editor/src/cli/run-a6.test-support.ts';

/** A scratch directory for one test file; `write` puts a file in it and returns its absolute path. */
export function scratchDir(prefix: string): { dir: string; write: (name: string, text: string) => string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `a6-acc-${prefix}-`));
  return {
    dir,
    write: (name, text) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** NDJSON text from event objects (one line each). */
export function ndjson(events: readonly unknown[]): string {
  return events.map((event) => JSON.stringify(event)).join('\n') + '\n';
}

/** The `a6.replay/1` report as the tests read it. */
export interface ReplayReport {
  format: string;
  rulebook: { name: string; file: string; sha256: string; imports: Record<string, string>; options: Record<string, string> };
  history: { events: number; head: string; as_of: string | null };
  verdicts: { accepted: number; rejected: number; findings: number };
  rejections: Verdict[];
  findings: Verdict[];
  levies: Record<string, number>;
  holdings: Record<string, Record<string, number>>;
  parties: Record<string, { method: string; years: Record<string, Record<string, number | null>>; metrics?: Record<string, { years: Record<string, Record<string, number | null>> }> }>;
  digest: string;
}

export interface Verdict {
  seq: number;
  event: string;
  type: string;
  code: string;
  rule: string | null;
  message: string;
  source: { file: string; line: number; col: number } | null;
  unit: string | null;
  values: Record<string, unknown>;
}

/** Replays events under a rulebook source through `a6 replay --json` (files in a fresh scratch directory). */
export async function replayReport(rulebook: string, events: readonly unknown[], ...flags: string[]): Promise<ReplayReport> {
  const scratch = scratchDir('replay');
  try {
    const rulebookFile = scratch.write('rulebook.a6', rulebook);
    const historyFile = scratch.write('history.ndjson', ndjson(events));
    const result = await a6(['replay', '--history', historyFile, '--rulebook', rulebookFile, '--json', ...flags]);
    if (result.exitCode !== 0) throw new Error(`a6 replay exited ${result.exitCode}: ${result.stderr}${result.stdout}`);
    return JSON.parse(result.stdout) as ReplayReport;
  } finally {
    scratch.remove();
  }
}
