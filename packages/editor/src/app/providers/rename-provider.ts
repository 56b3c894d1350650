import type { LanguageClient } from '../language-client/index.ts';
import { A6_LANGUAGE_ID } from '../language/index.ts';
import { monaco } from '../monaco/index.ts';
import { pathOfModel } from '../workspace/index.ts';
import { fromMonacoPosition, toMonacoWorkspaceEdit } from './monaco-conversions.ts';

export function registerRenameProvider(client: LanguageClient): monaco.IDisposable {
  return monaco.languages.registerRenameProvider(A6_LANGUAGE_ID, {
    async provideRenameEdits(model, position, newName) {
      const path = pathOfModel(model);
      if (!path) return { edits: [] };
      const outcome = await client.request('rename', { path, position: fromMonacoPosition(position), newName });
      // Monaco shows `rejectReason` in place of the rename box, e.g. "keywords cannot name a rule".
      if (!outcome.ok) return { edits: [], rejectReason: outcome.reason };
      return toMonacoWorkspaceEdit(outcome.edits);
    },
  });
}
