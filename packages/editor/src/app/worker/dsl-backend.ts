import * as dsl from '@a6/dsl';
import { LineIndex, type Diagnostic } from '@a6/dsl';
import type { FileParser, LanguageBackend, ServiceHandler } from './language-backend.ts';
import {
  SERVICE_METHODS,
  type FeatureAvailability,
  type ServiceMethod,
  type TextEdit,
  type WorkerCapabilities,
} from './protocol.ts';

/**
 * The `@a6/dsl` exports the worker plugs in, looked up at run time: the language is built by other
 * engineers in parallel, and a piece that has not landed must show up as "not available" with its
 * reason — never as an empty, healthy-looking answer. Each entry names the export and the shape the
 * worker relies on (the shapes of `parse/`, `check/` and `format/` as they are in the repo).
 */
export interface DslExports {
  readonly IncrementalParser?: new (path: string) => FileParser;
  readonly checkProgram?: (
    host: { read(path: string): string | undefined },
    paths: readonly string[],
  ) => { readonly diagnostics: readonly Diagnostic[] };
  readonly memorySourceHost?: (files: Readonly<Record<string, string>>) => { read(path: string): string | undefined };
  readonly formatRulebookFile?: (
    text: string,
    path: string,
  ) => { readonly ok: true; readonly text: string } | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };
}

const AVAILABLE: FeatureAvailability = { available: true };

const missing = (what: string): FeatureAvailability => ({
  available: false,
  reason: `${what} is not available yet: @a6/dsl does not export it in this build`,
});

function found<K extends keyof DslExports>(exports: DslExports, name: K): DslExports[K] | undefined {
  return typeof exports[name] === 'function' ? exports[name] : undefined;
}

/** `a6 fmt` as one whole-document edit; a file with syntax errors is left alone (the formatter refuses it). */
function formatHandler(format: NonNullable<DslExports['formatRulebookFile']>): ServiceHandler<'format'> {
  return ({ files }, { path }) => {
    const text = files.get(path);
    if (text === undefined) return [];
    const result = format(text, path);
    if (!result.ok || result.text === text) return [];
    const end = new LineIndex(text).position(text.length);
    const edit: TextEdit = { range: { start: { line: 1, column: 1 }, end }, newText: result.text };
    return [edit];
  };
}

export function createDslBackend(module: object = dsl): LanguageBackend {
  const exports = module as DslExports;
  const Parser = found(exports, 'IncrementalParser');
  const checkProgram = found(exports, 'checkProgram');
  const memorySourceHost = found(exports, 'memorySourceHost');
  const formatRulebookFile = found(exports, 'formatRulebookFile');

  const services: { [M in ServiceMethod]?: ServiceHandler<M> } = {};
  if (formatRulebookFile) services.format = formatHandler(formatRulebookFile);

  const serviceAvailability = Object.fromEntries(
    SERVICE_METHODS.map((method) => [
      method,
      services[method]
        ? AVAILABLE
        : missing(method === 'format' ? 'formatting (formatRulebookFile)' : `the language service's ${method}`),
    ]),
  ) as Record<ServiceMethod, FeatureAvailability>;

  const capabilities: WorkerCapabilities = {
    syntax: Parser ? AVAILABLE : missing('the parser (IncrementalParser)'),
    checking: checkProgram && memorySourceHost ? AVAILABLE : missing('the checker (checkProgram)'),
    services: serviceAvailability,
  };

  return {
    capabilities,
    createParser: Parser ? (path) => new Parser(path) : undefined,
    check:
      checkProgram && memorySourceHost
        ? (files, paths) => checkProgram(memorySourceHost(Object.fromEntries(files)), paths).diagnostics
        : undefined,
    services,
  };
}
