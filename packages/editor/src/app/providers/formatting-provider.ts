import type { LanguageClient } from '../language-client/index.ts';
import { A6_LANGUAGE_ID } from '../language/index.ts';
import { monaco } from '../monaco/index.ts';
import { pathOfModel } from '../workspace/index.ts';
import { toMonacoTextEdit } from './monaco-conversions.ts';

/** `a6 fmt`'s canonical layout, on Shift+Alt+F. */
export function registerFormattingProvider(client: LanguageClient): monaco.IDisposable {
  return monaco.languages.registerDocumentFormattingEditProvider(A6_LANGUAGE_ID, {
    displayName: 'a6 fmt',
    async provideDocumentFormattingEdits(model) {
      const path = pathOfModel(model);
      if (!path) return [];
      const edits = await client.request('format', { path });
      return edits.map(toMonacoTextEdit);
    },
  });
}
