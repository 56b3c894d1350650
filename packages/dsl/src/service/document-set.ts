import type { SourceHost } from '../program/source-host.ts';

/**
 * Where files that are not open come from: the disk (Node), the server's stored rulebooks (browser) or
 * nothing. `listFiles` names files to check even when no open document imports them, so references and
 * rename also reach files that import the one being edited.
 */
export interface LanguageServiceHost extends SourceHost {
  listFiles?(): readonly string[];
}

export interface OpenDocument {
  readonly path: string;
  readonly text: string;
  readonly version: number;
}

/** An edit of an open document: replace the UTF-16 range [start, end) of the text before it. */
export interface DocumentChange {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * The documents an editor has open, with versions, over a host for everything else: unsaved text wins
 * over the stored file. Every change bumps `generation`, which is what the service's caches key on.
 */
export class DocumentSet implements SourceHost {
  private readonly open = new Map<string, OpenDocument>();
  private generationCounter = 0;

  constructor(private readonly host: LanguageServiceHost = { read: () => undefined }) {}

  get generation(): number {
    return this.generationCounter;
  }

  /** Opens or replaces a document; without a version, the next one after the current. */
  set(path: string, text: string, version?: number): void {
    const current = this.open.get(path);
    if (current && current.text === text && (version === undefined || version === current.version)) return;
    this.open.set(path, { path, text, version: version ?? (current ? current.version + 1 : 1) });
    this.generationCounter++;
  }

  /** Applies changes in order, each against the text the previous one left (LSP incremental sync). */
  change(path: string, changes: readonly DocumentChange[], version?: number): void {
    const current = this.open.get(path);
    if (!current) throw new Error(`change of a document that is not open: ${path}`);
    let text = current.text;
    for (const change of changes) {
      const start = Math.max(0, Math.min(change.start, text.length));
      const end = Math.max(start, Math.min(change.end, text.length));
      text = text.slice(0, start) + change.text + text.slice(end);
    }
    this.set(path, text, version ?? current.version + 1);
  }

  close(path: string): void {
    if (this.open.delete(path)) this.generationCounter++;
  }

  /** Makes the set match `texts` exactly (a worker handed the editor's whole file map per request). */
  sync(texts: ReadonlyMap<string, string>): void {
    for (const path of [...this.open.keys()]) if (!texts.has(path)) this.close(path);
    for (const [path, text] of texts) this.set(path, text);
  }

  /** Files on the host changed (a watcher saw it): drop what was computed from them. */
  invalidate(): void {
    this.generationCounter++;
  }

  get(path: string): OpenDocument | undefined {
    return this.open.get(path);
  }

  openPaths(): string[] {
    return [...this.open.keys()];
  }

  /** The files the checker starts from: every open document, then whatever the host lists. */
  entryPaths(): string[] {
    const paths = new Set(this.open.keys());
    for (const path of this.host.listFiles?.() ?? []) paths.add(path);
    return [...paths];
  }

  read(path: string): string | undefined {
    return this.open.get(path)?.text ?? this.host.read(path);
  }
}
