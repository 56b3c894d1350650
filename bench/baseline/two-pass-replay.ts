/**
 * The `a6 replay --history FILE` path as it was before the one-pass reader (docs/performance.md): a
 * validate pass (`readline`, the zod schema on every line, the cross-line checks, the generic
 * canonical-JSON hash chain), then a second pass that parses every line again and folds it through
 * `replay` one promise per event. Kept here, built from the zod reference parser and the old chain
 * (`old-chain.ts`), so every bench run measures the old path beside the new one.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { CompiledRulebook } from '../../packages/dsl/src/compile/index.ts';
import { replay, type ReplayOutcome, type ReplayProgress } from '../../packages/ledger/src/engine/index.ts';
import { GENESIS_PREV } from '../../packages/ledger/src/events/hash-chain.ts';
import { HistoryChecker } from '../../packages/ledger/src/events/history-checker.ts';
import { isSkippedLine, parseHistoryLineWithSchema } from '../../packages/ledger/src/events/parse-history-line.ts';
import type { HistoryEvent } from '../../packages/ledger/src/events/types.ts';
import { oldEventHash } from './old-chain.ts';

async function* fileLines(path: string): AsyncGenerator<string> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let first = true;
  for await (const line of lines) {
    yield first && line.startsWith('\uFEFF') ? line.slice(1) : line;
    first = false;
  }
}

async function validate(path: string): Promise<{ events: number; head: string }> {
  const checker = new HistoryChecker();
  let line = 0;
  let events = 0;
  let head = GENESIS_PREV;
  for await (const text of fileLines(path)) {
    line += 1;
    if (isSkippedLine(text)) continue;
    const parsed = parseHistoryLineWithSchema(text, line);
    if (!parsed.ok) {
      for (const issue of parsed.issues) checker.log.add(issue);
      continue;
    }
    if (!checker.check(parsed.event, line, parsed.derivedId)) continue;
    events += 1;
    head = oldEventHash(parsed.event, head);
  }
  if (checker.log.total > 0) throw new Error(`${path}: ${checker.log.total} error(s) in the history`);
  return { events, head };
}

async function* reparse(path: string, expectedHead: string): AsyncGenerator<HistoryEvent> {
  let line = 0;
  let head = GENESIS_PREV;
  for await (const text of fileLines(path)) {
    line += 1;
    if (isSkippedLine(text)) continue;
    const parsed = parseHistoryLineWithSchema(text, line);
    if (!parsed.ok) throw new Error(`${path} changed while it was read (line ${line})`);
    head = oldEventHash(parsed.event, head);
    yield parsed.event;
  }
  if (head !== expectedHead) throw new Error(`${path} changed while it was read`);
}

/** Validate, then replay from a second parse: the old `withHistoryInput` + `replay`. */
export async function twoPassReplay(path: string, rulebook: CompiledRulebook, onProgress?: (progress: ReplayProgress) => void): Promise<ReplayOutcome> {
  const validation = await validate(path);
  return replay(reparse(path, validation.head), rulebook, { head: validation.head, progressEvery: 5_000, ...(onProgress === undefined ? {} : { onProgress }) });
}
