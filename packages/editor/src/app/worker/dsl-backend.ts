import * as dsl from '@a6/dsl';
import type { Diagnostic } from '@a6/dsl';
import type { FileParser, LanguageBackend, ServiceHandler } from './language-backend.ts';
import {
  SERVICE_METHODS,
  type FeatureAvailability,
  type ServiceMethod,
  type WorkerCapabilities,
} from './protocol.ts';

/**
 * The `@a6/dsl` exports the worker plugs in, looked up at run time: the language is built by other
 * engineers in parallel, and a piece that has not landed must show up as "not available" with its
 * reason — never as an empty, healthy-looking answer. Each lookup names the export it expects; once an
 * export exists its shape is checked by the type annotations at the use site.
 */
interface DslExports {
  readonly IncrementalParser?: new (path: string) => FileParser;
  readonly checkProgram?: (
    host: { read(path: string): string | undefined },
    paths: readonly string[],
  ) => { readonly diagnostics: readonly Diagnostic[] };
  readonly memorySourceHost?: (files: Readonly<Record<string, string>>) => { read(path: string): string | undefined };
}

const missing = (what: string): FeatureAvailability => ({
  available: false,
  reason: `${what} is not available yet: @a6/dsl does not export it in this build`,
});

const AVAILABLE: FeatureAvailability = { available: true };

/** Service handlers wired to `@a6/dsl/src/service/` functions, one per method as they appear. */
const serviceHandlers: { [M in ServiceMethod]?: ServiceHandler<M> } = {};

export function createDslBackend(module: object = dsl): LanguageBackend {
  const exports = module as DslExports;
  const Parser = typeof exports.IncrementalParser === 'function' ? exports.IncrementalParser : undefined;
  const checkProgram = typeof exports.checkProgram === 'function' ? exports.checkProgram : undefined;
  const memorySourceHost = typeof exports.memorySourceHost === 'function' ? exports.memorySourceHost : undefined;

  const services = Object.fromEntries(
    SERVICE_METHODS.map((method) => [
      method,
      serviceHandlers[method] ? AVAILABLE : missing(`the language service's ${method}`),
    ]),
  ) as Record<ServiceMethod, FeatureAvailability>;

  const capabilities: WorkerCapabilities = {
    syntax: Parser ? AVAILABLE : missing('the parser (IncrementalParser)'),
    checking: checkProgram && memorySourceHost ? AVAILABLE : missing('the checker (checkProgram)'),
    services,
  };

  return {
    capabilities,
    createParser: Parser ? (path) => new Parser(path) : undefined,
    check:
      checkProgram && memorySourceHost
        ? (files, paths) => checkProgram(memorySourceHost(Object.fromEntries(files)), paths).diagnostics
        : undefined,
    services: serviceHandlers,
  };
}
