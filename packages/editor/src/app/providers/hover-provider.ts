import type { LanguageClient } from '../language-client/index.ts';
import { A6_LANGUAGE_ID } from '../language/index.ts';
import { monaco } from '../monaco/index.ts';
import { pathOfModel } from '../workspace/index.ts';
import { fromMonacoPosition, toMonacoRange } from './monaco-conversions.ts';

export function registerHoverProvider(client: LanguageClient): monaco.IDisposable {
  return monaco.languages.registerHoverProvider(A6_LANGUAGE_ID, {
    async provideHover(model, position) {
      const path = pathOfModel(model);
      if (!path) return null;
      const hover = await client.request('hover', { path, position: fromMonacoPosition(position) });
      if (!hover) return null;
      return {
        contents: [{ value: hover.contents }],
        range: hover.range ? toMonacoRange(hover.range) : undefined,
      };
    },
  });
}
