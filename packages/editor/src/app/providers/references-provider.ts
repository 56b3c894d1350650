import type { LanguageClient } from '../language-client/index.ts';
import { A6_LANGUAGE_ID } from '../language/index.ts';
import { monaco } from '../monaco/index.ts';
import { pathOfModel } from '../workspace/index.ts';
import { fromMonacoPosition, toMonacoLocation } from './monaco-conversions.ts';

export function registerReferencesProvider(client: LanguageClient): monaco.IDisposable {
  return monaco.languages.registerReferenceProvider(A6_LANGUAGE_ID, {
    async provideReferences(model, position, context) {
      const path = pathOfModel(model);
      if (!path) return [];
      const locations = await client.request('references', {
        path,
        position: fromMonacoPosition(position),
        includeDeclaration: context.includeDeclaration,
      });
      return locations.map(toMonacoLocation);
    },
  });
}
