import type { Diagnostic, IncrementalParser } from '@a6/dsl';
import type { ServiceMethod, ServiceRequests } from './protocol.ts';

/** A long-lived parser for one open file. */
export type FileParser = Pick<IncrementalParser, 'setText' | 'applyEdit' | 'parse'>;

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

/** One handler per protocol method: the type makes a method the worker cannot answer a compile error. */
export type ServiceHandlers = { readonly [M in ServiceMethod]: ServiceHandler<M> };

/**
 * The worker's view of the language (`dsl-backend.ts` builds it from `@a6/dsl`). The session codes
 * against this port, so its version bookkeeping reads as file sync and nothing else.
 */
export interface LanguageBackend {
  createParser(path: string): FileParser;
  /** Checks the program whose entries are `paths`, reading imports from `files`. */
  check(files: ReadonlyMap<string, string>, paths: readonly string[]): readonly Diagnostic[];
  readonly services: ServiceHandlers;
}
