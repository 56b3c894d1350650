import type { LanguageClient } from '../language-client/index.ts';
import { A6_LANGUAGE_ID } from '../language/index.ts';
import { monaco } from '../monaco/index.ts';
import { modelUri, pathOfModel } from '../workspace/index.ts';
import { fromMonacoPosition, toMonacoRange, toMonacoWorkspaceEdit } from './monaco-conversions.ts';

/** Rename, with the rename box asking prepareRename first (placeholder, early refusal on a keyword). */
export function registerRenameProvider(client: LanguageClient): monaco.IDisposable {
  return monaco.languages.registerRenameProvider(A6_LANGUAGE_ID, {
    async provideRenameEdits(model, position, newName) {
      const path = pathOfModel(model);
      if (!path) return { edits: [] };
      const outcome = await client.request('rename', { path, position: fromMonacoPosition(position), newName });
      // Monaco shows `rejectReason` in place of the rename box, e.g. "keywords cannot name a rule".
      if (!outcome.ok) return { edits: [], rejectReason: outcome.reason };
      // Monaco edits models only; a file read for an import alone has none, so renaming would leave it behind.
      const closed = outcome.edits.filter((file) => monaco.editor.getModel(modelUri(file.path)) === null).map((file) => file.path);
      if (closed.length > 0) return { edits: [], rejectReason: `Renaming also changes ${closed.join(', ')}: open ${closed.length === 1 ? 'it' : 'them'} first.` };
      return toMonacoWorkspaceEdit(outcome.edits);
    },
    async resolveRenameLocation(model, position) {
      const path = pathOfModel(model);
      if (!path) return { range: new monaco.Range(position.lineNumber, position.column, position.lineNumber, position.column), text: '', rejectReason: 'not a rulebook file' };
      const prepared = await client.request('prepareRename', { path, position: fromMonacoPosition(position) });
      if (!prepared.ok) return { range: new monaco.Range(position.lineNumber, position.column, position.lineNumber, position.column), text: '', rejectReason: prepared.reason };
      return { range: toMonacoRange(prepared.range), text: prepared.placeholder };
    },
  });
}
