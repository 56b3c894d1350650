/**
 * How the language reads files. The checker never touches the file system itself: it runs in Node
 * (`nodeSourceHost`) and in a browser worker (`memorySourceHost`, or a host over the server's
 * stored files) — docs/language.md, "Files, imports and rulebooks".
 */
export interface SourceHost {
  /** The file's text, or `undefined` when the host has no such file. */
  read(path: string): string | undefined;
  /** Why `read(path)` gave `undefined`, when the file exists but was refused (too large, not UTF-8, not a regular file). */
  refusal?(path: string): SourceRefusal | undefined;
}

/** A file a host found but would not read (docs/reliability.md "Hostile files"). */
export interface SourceRefusal {
  readonly code: 'dsl.too_large' | 'dsl.not_utf8' | 'dsl.import_not_found';
  readonly message: string;
}

/** A host over an in-memory map of posix paths to source texts (tests, editor workers). */
export function memorySourceHost(files: Readonly<Record<string, string>>): SourceHost {
  const texts = new Map<string, string>(Object.entries(files));
  return { read: (path) => texts.get(path) };
}
