import { createHash } from 'node:crypto';
import type { HistoryEvent } from '../../packages/ledger/src/events/types.ts';

/**
 * The hash chain as it was computed before docs/performance.md's changes: canonical JSON through
 * filter/sort/map/join and a `createHash` object per event. Same bytes as `eventHash`, older speed.
 */
function canonical(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string' || typeof value === 'number') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => canonical(item ?? null)).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(record[key])}`).join(',')}}`;
}

export function oldEventHash(event: HistoryEvent, prev: string): string {
  const meta = event.meta === undefined ? '' : `,"meta":${canonical(event.meta)}`;
  const form = `{"at":${JSON.stringify(event.at)},"data":${canonical(event.data)},"id":${JSON.stringify(event.id)}${meta},"prev":${JSON.stringify(prev)},"type":${JSON.stringify(event.type)}}`;
  return createHash('sha256').update(form, 'utf8').digest('hex');
}
