/**
 * The one seam between the server and the ledger and language packages. Everything the server and its
 * job workers use from `@a6/ledger` / `@a6/dsl` comes through here, so that when a package index starts
 * exporting a module (or a module moves) exactly one file changes.
 *
 * Some modules are not exported from the package indexes yet; they are imported by path until the lead
 * re-exports them (see the report of the server engineer).
 */
export {
  EVENT_TYPES,
  GENESIS_PREV,
  HistoryChecker,
  HistoryIssueLog,
  canonicalJson,
  eventContent,
  eventHash,
  instantOf,
  parseHistoryLine,
  sha256Hex,
  sortedJson,
  toHistoryEvent,
  type EventOf,
  type EventType,
  type HistoryEvent,
  type HistoryIssue,
  type StoredEvent,
} from '@a6/ledger';
export { readHistoryFile } from '@a6/ledger/node';
export {
  DEFAULT_HISTORY,
  DEFAULT_STORE_URL,
  isConcurrencyError,
  isHistoryId,
  isIdConflictError,
  isStoreError,
  openStore,
  parseStoreUrl,
  type EventStore,
  type HistoryHead,
  type RulebookVersion,
  type TokenRecord,
} from '@a6/ledger/store';
export { MemoryEventStore } from '@a6/ledger/store';
export { ReplayEngine, replay, type VerdictEntry } from '@a6/ledger';
export { buildReplayReport } from '@a6/ledger';

export {
  checkProgram,
  loadRulebook,
  memorySourceHost,
  parseRulebookFile,
  resolveImportPath,
  type CompiledRulebook,
  type Diagnostic,
  type SourceHost,
} from '@a6/dsl';

/**
 * Functions other engineers are still landing (`openStore`, `replay`, `compare`, report renderers) are
 * looked up when first needed rather than imported statically, so the server runs — and says honestly
 * what is not available — before they exist. Looks in the `@a6/ledger` index first, then in the module
 * files where the function is agreed to live.
 */
export async function findLedgerFunction<F extends (...args: never[]) => unknown>(
  name: string,
  modules: readonly string[],
): Promise<F | undefined> {
  const candidates: (() => Promise<Record<string, unknown>>)[] = [
    () => import('@a6/ledger') as Promise<Record<string, unknown>>,
    ...modules.map((module) => () => import(new URL(`../../../ledger/src/${module}`, import.meta.url).href) as Promise<Record<string, unknown>>),
  ];
  for (const load of candidates) {
    try {
      const found = (await load())[name];
      if (typeof found === 'function') return found as F;
    } catch (error) {
      // A module that does not exist yet is the expected case; anything else is a real fault.
      if (!isModuleNotFound(error)) throw error;
    }
  }
  return undefined;
}

function isModuleNotFound(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
}
