import type { HistoryEntry, RulebookFileEntry, ServerResult } from '../server-api/index.ts';

/** The file the editor opens on when the link names none: the rulebook as adopted (the examples have it). */
const MAIN_RULEBOOK_FILE = 'glasgow-2021.a6';

/**
 * Histories to start on, most preferred first, when the link names none: real events (the Article 6.2
 * CA tool snapshot, the first ITMO transfers), never a synthetic one.
 */
const MAIN_HISTORY_PREFERENCE: readonly RegExp[] = [/^a62-ca-tool/, /^thailand-switzerland$/, /^ghana-switzerland$/];

/** The history to choose at start-up: the link's, else the most preferred stored one, else the first. */
export function startHistory(linked: string | null, histories: ServerResult<readonly HistoryEntry[]>): string | null {
  if (linked !== null) return linked;
  if (!histories.ok) return null;
  const preferred = MAIN_HISTORY_PREFERENCE.map((pattern) => histories.value.find((history) => pattern.test(history.id))).find(Boolean);
  return preferred?.id ?? histories.value[0]?.id ?? null;
}

/** The stored file to open at start-up: the link's, else the main rulebook, else the first stored one. */
export function startFile(linked: string | null, stored: readonly RulebookFileEntry[]): string | undefined {
  const isStored = (file: string) => stored.some((entry) => entry.file === file);
  return [linked, MAIN_RULEBOOK_FILE, stored[0]?.file].find((file): file is string => typeof file === 'string' && isStored(file));
}
