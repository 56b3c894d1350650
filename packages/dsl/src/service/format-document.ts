import { formatRulebookFile } from '../format/format-rulebook-file.ts';
import type { SpanEdit } from './service-types.ts';

/**
 * Formatting delegates to `a6 fmt`'s formatter. The answer is one edit covering only what changed
 * (common head and tail kept), so the editor keeps the cursor and folds outside it; a file with syntax
 * errors is left alone, as the formatter refuses it.
 */
export function formatDocument(text: string, path: string): SpanEdit[] {
  const result = formatRulebookFile(text, path);
  if (!result.ok || result.text === text) return [];
  const formatted = result.text;
  let head = 0;
  const limit = Math.min(text.length, formatted.length);
  while (head < limit && text.charCodeAt(head) === formatted.charCodeAt(head)) head++;
  let tail = 0;
  while (
    tail < limit - head &&
    text.charCodeAt(text.length - 1 - tail) === formatted.charCodeAt(formatted.length - 1 - tail)
  ) tail++;
  // Never split a surrogate pair between the kept and the replaced part.
  if (head > 0 && isHighSurrogate(text.charCodeAt(head - 1))) head--;
  if (tail > 0 && isLowSurrogate(text.charCodeAt(text.length - tail))) tail--;
  return [{ span: { start: head, end: text.length - tail }, newText: formatted.slice(head, formatted.length - tail) }];
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;
