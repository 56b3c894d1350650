import type { Diagnostic } from '@a6/dsl';
import type { FileParser, LanguageBackend, ServiceHandler } from './language-backend.ts';
import type { FileDiagnostics, ServiceMethod, ServiceRequests, TextChange } from './protocol.ts';

interface OpenFile {
  text: string;
  version: number;
  parser: FileParser;
  /** The version the last syntax pass saw, so unchanged files are not re-parsed. */
  syntaxVersion: number;
  syntaxDiagnostics: readonly Diagnostic[];
}

/**
 * The worker's state: every file the editor has open (so `import` and `extends` resolve across them),
 * each with its version and a long-lived incremental parser. Diagnostics come in two passes — syntax
 * (per changed file, cheap) and the checker (whole program) — each result stamped with the versions
 * it was computed from, so the page can drop stale ones.
 */
export class LanguageSession {
  private readonly files = new Map<string, OpenFile>();
  /** Stored files the open ones may import; an open file of the same path wins. */
  private readonly library = new Map<string, string>();

  constructor(private readonly backend: LanguageBackend) {}

  open(path: string, text: string, version: number): void {
    const existing = this.files.get(path);
    const parser = existing?.parser ?? this.backend.createParser(path);
    parser.setText(text);
    this.files.set(path, { text, version, parser, syntaxVersion: -1, syntaxDiagnostics: [] });
  }

  /** Applies Monaco's content changes (offsets into the text before each change, in order). */
  edit(path: string, changes: readonly TextChange[], version: number): void {
    const file = this.files.get(path);
    if (!file) throw new Error(`edit of a file that is not open: ${path}`);
    // Monaco reports the changes of one event against the text before the event, sorted so that
    // applying them from the last offset to the first keeps every earlier offset valid.
    const ordered = [...changes].sort((a, b) => b.offset - a.offset);
    let parserInStep = true;
    for (const change of ordered) {
      file.text = file.text.slice(0, change.offset) + change.text + file.text.slice(change.offset + change.length);
      if (!parserInStep) continue;
      try {
        file.parser.applyEdit(change.offset, change.offset + change.length, change.text);
      } catch (error) {
        // An edit outside the parser's text means the two copies drifted; resynchronising costs one
        // full parse, which beats reporting diagnostics against text the user does not see.
        if (!(error instanceof RangeError)) throw error;
        parserInStep = false;
      }
    }
    if (!parserInStep) file.parser.setText(file.text);
    file.version = version;
  }

  close(path: string): void {
    this.files.delete(path);
  }

  /** Adds or replaces a file that imports may read (not an entry, no diagnostics of its own). */
  setLibraryFile(path: string, text: string): void {
    this.library.set(path, text);
  }

  /** What the checker and the service read: library files, with the open files' text over them. */
  private readableTexts(): Map<string, string> {
    const texts = new Map(this.library);
    for (const [path, file] of this.files) texts.set(path, file.text);
    return texts;
  }

  has(path: string): boolean {
    return this.files.has(path);
  }

  text(path: string): string | undefined {
    return this.files.get(path)?.text;
  }

  /** The version of every open file, for deciding whether a finished pass is still current. */
  versions(): ReadonlyMap<string, number> {
    return new Map([...this.files].map(([path, file]) => [path, file.version]));
  }

  /** Syntax diagnostics of every file changed since the last syntax pass. */
  syntaxPass(): FileDiagnostics[] {
    const results: FileDiagnostics[] = [];
    for (const [path, file] of this.files) {
      if (file.syntaxVersion === file.version) continue;
      file.syntaxDiagnostics = file.parser.parse().diagnostics;
      file.syntaxVersion = file.version;
      results.push({ path, version: file.version, diagnostics: file.syntaxDiagnostics });
    }
    return results;
  }

  /**
   * The checker over every open file as an entry (imports resolve among them and the library files).
   * Every open file gets an entry, an empty one clearing its markers.
   */
  checkPass(): FileDiagnostics[] {
    const entries = [...this.files.keys()];
    const diagnostics = this.backend.check(this.readableTexts(), entries);
    const byFile = new Map<string, Diagnostic[]>(entries.map((path) => [path, []]));
    for (const diagnostic of diagnostics) byFile.get(diagnostic.file)?.push(diagnostic);
    return [...byFile].map(([path, fileDiagnostics]) => ({
      path,
      version: this.files.get(path)!.version,
      diagnostics: dedupe(fileDiagnostics),
    }));
  }

  request<M extends ServiceMethod>(method: M, params: ServiceRequests[M]['params']): ServiceRequests[M]['result'] {
    const handler: ServiceHandler<M> = this.backend.services[method];
    return handler({ files: this.readableTexts(), open: [...this.files.keys()] }, params);
  }
}

/** An imported file is checked once per entry that reaches it; the page wants each finding once. */
function dedupe(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((diagnostic) => {
    const key = `${diagnostic.code}|${diagnostic.span.start}|${diagnostic.span.end}|${diagnostic.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
