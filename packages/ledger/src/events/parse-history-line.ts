import type { z } from 'zod';
import { canonicalJson, sha256Hex } from './canonical-json.ts';
import { lineSchema, payloadSchema } from './event-schema.ts';
import { fastLineCheck } from './fast-event-schema.ts';
import type { HistoryIssue, HistoryIssueCode } from './history-issue.ts';
import { FAIL } from './line-validator.ts';
import { EVENT_TYPES, type EventType, type HistoryEvent } from './types.ts';

export type ParsedLine =
  | { readonly ok: true; readonly event: HistoryEvent; readonly derivedId: boolean }
  | { readonly ok: false; readonly issues: readonly HistoryIssue[] };

const eventTypes: ReadonlySet<string> = new Set(EVENT_TYPES);
const ENVELOPE_FIELDS = ['type', 'id', 'at', 'data', 'meta'];

/** Whether a raw line carries no event (blank, or a `//` comment). */
export function isSkippedLine(text: string): boolean {
  const trimmed = text.trim();
  return trimmed === '' || trimmed.startsWith('//');
}

/**
 * Parses and validates one NDJSON line on its own (no ordering or references: `HistoryChecker` does
 * those). When `id` is absent it is derived (`deriveEventId`).
 */
export function parseHistoryLine(text: string, line: number): ParsedLine {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return parseHistoryLineWithSchema(text, line);
  }
  // The fast checks decide valid lines; anything else goes through the schema, which words the issues.
  const type = raw !== null && typeof raw === 'object' ? (raw as { type?: unknown }).type : undefined;
  if (typeof type === 'string' && eventTypes.has(type)) {
    const checked = fastLineCheck(type as EventType)(raw);
    if (checked !== FAIL) return toEvent(checked as unknown as SchemaOutput);
  }
  return parseHistoryLineWithSchema(text, line);
}

type SchemaOutput = { type: EventType; id?: string; at: string; data: unknown; meta?: Record<string, unknown> };

function toEvent(parsed: SchemaOutput): ParsedLine {
  const derivedId = parsed.id === undefined;
  const id = parsed.id ?? deriveEventId(parsed);
  const event: Record<string, unknown> = { type: parsed.type, id, at: parsed.at, data: parsed.data };
  if (parsed.meta !== undefined) event.meta = parsed.meta;
  return { ok: true, event: event as HistoryEvent, derivedId };
}

/** `parseHistoryLine` through the zod schema alone: the reference every faster path must agree with. */
export function parseHistoryLineWithSchema(text: string, line: number): ParsedLine {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return failed({ code: 'history.malformed_json', line, message: `not valid JSON (${reason})` });
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return failed({ code: 'history.not_an_object', line, message: 'each line must be one JSON object' });
  }
  const record = raw as Record<string, unknown>;
  const type = record.type;
  if (type === undefined) return failed({ code: 'history.missing_field', line, path: 'type', message: 'required' });
  if (typeof type !== 'string' || !eventTypes.has(type)) {
    return failed({
      code: 'history.unknown_type',
      line,
      path: 'type',
      message: `unknown event type ${JSON.stringify(type)}${suggestion(String(type), EVENT_TYPES)}`,
    });
  }
  const result = lineSchema(type as EventType).safeParse(record);
  if (!result.success) {
    const dataFields = Object.keys(payloadSchema(type as EventType).shape);
    return failed(...result.error.issues.flatMap((issue) => toHistoryIssues(issue, record, line, dataFields)));
  }
  return toEvent(result.data as SchemaOutput);
}

/**
 * The id of an event that has none: sha256 (lowercase hex) of the canonical JSON (RFC 8785) of
 * `{type, at, data, meta?}` (docs/storage.md). Identical lines get the same id, which is why two of
 * them in one file are an error (`history.duplicate_event`).
 */
export function deriveEventId(event: { type: string; at: string; data: unknown; meta?: unknown }): string {
  const form: Record<string, unknown> = { type: event.type, at: event.at, data: event.data };
  if (event.meta !== undefined) form.meta = event.meta;
  return sha256Hex(canonicalJson(form));
}

function failed(...issues: HistoryIssue[]): ParsedLine {
  return { ok: false, issues };
}

function toHistoryIssues(
  issue: z.core.$ZodIssue,
  raw: Record<string, unknown>,
  line: number,
  dataFields: readonly string[],
): HistoryIssue[] {
  const path = issue.path;
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const known = path.length === 0 ? ENVELOPE_FIELDS : path.length === 1 && path[0] === 'data' ? dataFields : [];
      return {
        code: 'history.unknown_field' as const,
        line,
        path: formatPath([...path, key]),
        message: `unknown field${suggestion(key, known)}`,
      };
    });
  }
  const value = valueAt(raw, path);
  let code: HistoryIssueCode = 'history.bad_value';
  let message = issue.message;
  if (issue.code === 'custom' && typeof issue.params?.history === 'string') {
    code = `history.${issue.params.history}` as HistoryIssueCode;
  } else if (value === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
    // zod reports a missing enum or literal field as invalid_value: it is missing all the same.
    code = 'history.missing_field';
    message = 'required';
  } else if (issue.code === 'invalid_type') {
    message = `expected ${issue.expected}, got ${describe(value)}`;
  } else if (issue.code === 'invalid_value') {
    message = `expected ${issue.values.map((option) => JSON.stringify(option)).join(' | ')}, got ${describe(value)}`;
  }
  const formatted = formatPath(path);
  return [formatted === '' ? { code, line, message } : { code, line, path: formatted, message }];
}

/** `data.units[0].from` */
function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = root;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  const shown = JSON.stringify(value);
  return shown.length > 40 ? `${shown.slice(0, 37)}…` : shown;
}

/** ` (did you mean "X"?)` for a near miss (edit distance ≤ 2, case-insensitive), else ''. */
function suggestion(word: string, candidates: readonly string[]): string {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best === undefined ? '' : ` (did you mean ${JSON.stringify(best)}?)`;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
