import type { ReportEntry as VerdictEntry } from '@a6/ledger';
import type { AppContext } from '../app-context.ts';
import type { FilesController } from '../files/index.ts';
import { monaco } from '../monaco/index.ts';
import { isStored } from '../state/index.ts';
import { workspacePathCandidates } from './report-paths.ts';

/** A rejection row chosen in the Run view: the failing check in the editor, its line marked. */
export class RejectionRevealer {
  private highlight: monaco.editor.IEditorDecorationsCollection | null = null;

  constructor(
    private readonly context: AppContext,
    private readonly files: FilesController,
  ) {}

  /** `entryPath` is the workspace path the replay started from: report file names are relative to it. */
  async reveal(entry: VerdictEntry, entryPath: string): Promise<void> {
    const { say } = this.context;
    if (entry.source === null) {
      say(`Event ${entry.seq}: ${entry.code} is a built-in integrity check; it has no line in the rulebook.`);
      return;
    }
    const path = await this.openSource(entryPath, entry.source.file);
    if (path === null) {
      say(`${entry.source.file} is not open and not stored on the server.`);
      return;
    }
    this.files.show(path);
    const { line, col } = entry.source;
    this.mark(line, col);
    say(`Event ${entry.seq} was rejected by ${entry.rule ?? entry.code} at ${path}:${line}:${col}.`);
  }

  /** The open file the report's `file` names, else the stored one (opened); `null` when neither exists. */
  private async openSource(entryPath: string, file: string): Promise<string | null> {
    const { workspace, store } = this.context;
    const candidates = workspacePathCandidates(entryPath, file);
    const open = candidates.find((candidate) => workspace.modelOf(candidate) !== null);
    if (open !== undefined) return open;
    const stored = candidates.find((candidate) => isStored(store.state, candidate));
    return stored !== undefined && (await this.files.openServerFile(stored)) ? stored : null;
  }

  private mark(line: number, col: number): void {
    const { editor } = this.context;
    editor.setSelection(new monaco.Range(line, col, line, col));
    editor.revealLineInCenter(line);
    this.highlight?.clear();
    this.highlight = editor.createDecorationsCollection([
      { range: new monaco.Range(line, 1, line, 1), options: { isWholeLine: true, className: 'rejection-line', linesDecorationsClassName: 'rejection-gutter' } },
    ]);
  }
}
