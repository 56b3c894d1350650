import type { Diagnostic } from '@a6/dsl';
import type { ServiceMethod, ServiceRequests, WorkerCapabilities } from './protocol.ts';

/** A long-lived parser for one open file (`@a6/dsl`'s `IncrementalParser`). */
export interface FileParser {
  setText(text: string): void;
  applyEdit(start: number, end: number, newText: string): void;
  parse(): { readonly diagnostics: readonly Diagnostic[] };
}

/** What a language-service function sees: every readable file by path (open ones and library files), and which are open. */
export interface ServiceContext {
  readonly files: ReadonlyMap<string, string>;
  /** The paths the user has open (the program's entries); the other files are only there to be imported. */
  readonly open?: readonly string[];
}

export type ServiceHandler<M extends ServiceMethod> = (
  context: ServiceContext,
  params: ServiceRequests[M]['params'],
) => ServiceRequests[M]['result'];

/**
 * The worker's view of the language: what `@a6/dsl` offers in this build. The session codes against
 * this port, so the language pieces plug in as they land (`dsl-backend.ts`) and unit tests can run
 * the session's version bookkeeping against the real parser.
 */
export interface LanguageBackend {
  readonly capabilities: WorkerCapabilities;
  /** Absent when the parser is not available. */
  readonly createParser?: (path: string) => FileParser;
  /** Checks the program whose entries are `paths`, reading imports from `files`. Absent: no checker. */
  readonly check?: (files: ReadonlyMap<string, string>, paths: readonly string[]) => readonly Diagnostic[];
  readonly services: { readonly [M in ServiceMethod]?: ServiceHandler<M> };
}
