// Browser-safe: `nodeSourceHost` lives in `./node-host.ts` and is imported from there in Node only.
export { memorySourceHost, type SourceHost } from './source-host.ts';
export { resolveImportPath, normalizePath, dirname } from './resolve-import-path.ts';
export { relativePath } from './relative-path.ts';
export { sha256Text } from './sha256-text.ts';
export { loadProgram, type LoadedProgram, type LoadProgramOptions, type ProgramFile, type ResolvedImport } from './load-program.ts';
