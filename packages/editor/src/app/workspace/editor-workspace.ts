import type { Diagnostic } from '@a6/dsl';
import type { LanguageClient } from '../language-client/index.ts';
import { A6_LANGUAGE_ID } from '../language/index.ts';
import { diagnosticToMarker } from '../markers/index.ts';
import { monaco } from '../monaco/index.ts';
import type { FileDiagnostics } from '../worker/index.ts';
import { modelUri, pathOfModel } from './model-uri.ts';

const MARKER_OWNER = 'a6';

export interface WorkspaceFile {
  readonly path: string;
  /** Where the text came from, for the side bar and the status bar. */
  readonly origin: 'server' | 'local' | 'scratch';
}

/** A file's "modified since it was opened or saved" mark flipped. */
export interface ModifiedChange {
  readonly path: string;
  readonly modified: boolean;
}

export interface DiagnosticsChange {
  readonly path: string;
  readonly diagnostics: readonly Diagnostic[];
  readonly durationMs: number;
}

/**
 * The open rulebook files: one Monaco model per path, mirrored into the language worker (full text
 * on open, Monaco's incremental changes after that), and the worker's diagnostics applied as markers
 * — unless they were computed for a version the user has already typed past.
 */
export class EditorWorkspace {
  private readonly files = new Map<string, WorkspaceFile>();
  private readonly listeners = new Set<(change: DiagnosticsChange) => void>();
  /** Monaco's alternative version id at the last open or save: undoing back to it clears the mark. */
  private readonly savedVersions = new Map<string, number>();
  private readonly modifiedState = new Map<string, boolean>();
  private readonly modifiedListeners = new Set<(change: ModifiedChange) => void>();

  constructor(private readonly client: LanguageClient) {
    client.onDiagnostics((files, durationMs) => this.applyDiagnostics(files, durationMs));
  }

  /** Opens (or replaces the text of) a file; returns its model. */
  open(file: WorkspaceFile, text: string): monaco.editor.ITextModel {
    const uri = modelUri(file.path);
    let model = monaco.editor.getModel(uri);
    if (model) {
      model.setValue(text);
    } else {
      model = monaco.editor.createModel(text, A6_LANGUAGE_ID, uri);
      const opened = model;
      opened.onDidChangeContent((event) => {
        this.client.edit(
          file.path,
          event.changes.map((change) => ({ offset: change.rangeOffset, length: change.rangeLength, text: change.text })),
          opened.getVersionId(),
        );
        this.updateModified(file.path);
      });
      // `setValue` above also fires a content change, so only a new model needs the full text sent.
      this.client.open(file.path, text, model.getVersionId());
    }
    this.files.set(file.path, file);
    this.markSaved(file.path);
    return model;
  }

  /** The text now is what the origin holds (just opened, or saved): clears the modified mark. */
  markSaved(path: string, origin?: WorkspaceFile['origin']): void {
    const model = this.modelOf(path);
    const file = this.files.get(path);
    if (!model || !file) return;
    if (origin !== undefined && origin !== file.origin) this.files.set(path, { ...file, origin });
    this.savedVersions.set(path, model.getAlternativeVersionId());
    this.updateModified(path);
  }

  /** Whether the text differs from what was opened or last saved (undo back to it clears this). */
  isModified(path: string): boolean {
    return this.modifiedState.get(path) ?? false;
  }

  onModifiedChange(listener: (change: ModifiedChange) => void): () => void {
    this.modifiedListeners.add(listener);
    return () => this.modifiedListeners.delete(listener);
  }

  private updateModified(path: string): void {
    const model = this.modelOf(path);
    if (!model) return;
    const modified = model.getAlternativeVersionId() !== this.savedVersions.get(path);
    if (this.modifiedState.get(path) === modified) return;
    this.modifiedState.set(path, modified);
    for (const listener of this.modifiedListeners) listener({ path, modified });
  }

  /** A stored file the open ones may import: readable by the checker, not opened (no model, no tab). */
  provideLibraryFile(path: string, text: string): void {
    this.client.library(path, text);
  }

  get(path: string): WorkspaceFile | undefined {
    return this.files.get(path);
  }

  modelOf(path: string): monaco.editor.ITextModel | null {
    return monaco.editor.getModel(modelUri(path));
  }

  onDiagnostics(listener: (change: DiagnosticsChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private applyDiagnostics(results: readonly FileDiagnostics[], durationMs: number): void {
    for (const result of results) {
      const model = this.modelOf(result.path);
      if (!model || !pathOfModel(model)) continue;
      // Stale: the user typed after the worker took its snapshot; a newer result is on its way.
      if (result.version !== model.getVersionId()) continue;
      monaco.editor.setModelMarkers(model, MARKER_OWNER, result.diagnostics.map(diagnosticToMarker) as monaco.editor.IMarkerData[]);
      for (const listener of this.listeners) listener({ path: result.path, diagnostics: result.diagnostics, durationMs });
    }
  }
}
