import type { LanguageClient } from '../language-client/index.ts';
import { A6_LANGUAGE_ID } from '../language/index.ts';
import { monaco } from '../monaco/index.ts';
import { pathOfModel } from '../workspace/index.ts';
import { fromMonacoPosition, toMonacoLocation } from './monaco-conversions.ts';

export function registerDefinitionProvider(client: LanguageClient): monaco.IDisposable {
  return monaco.languages.registerDefinitionProvider(A6_LANGUAGE_ID, {
    async provideDefinition(model, position) {
      const path = pathOfModel(model);
      if (!path) return [];
      const locations = await client.request('definition', { path, position: fromMonacoPosition(position) });
      return locations.map(toMonacoLocation);
    },
  });
}
