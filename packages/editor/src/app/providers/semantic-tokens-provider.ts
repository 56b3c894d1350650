import { SEMANTIC_TOKEN_LEGEND } from '@a6/dsl';
import type { LanguageClient } from '../language-client/index.ts';
import { A6_LANGUAGE_ID } from '../language/index.ts';
import { monaco } from '../monaco/index.ts';
import { pathOfModel } from '../workspace/index.ts';

/** Whole-document semantic tokens (needs `documentSemanticTokens`, imported in `monaco/monaco.ts`), in `@a6/dsl`'s legend. */
export function registerSemanticTokensProvider(client: LanguageClient): monaco.IDisposable {
  return monaco.languages.registerDocumentSemanticTokensProvider(A6_LANGUAGE_ID, {
    getLegend: () => ({ tokenTypes: [...SEMANTIC_TOKEN_LEGEND.tokenTypes], tokenModifiers: [...SEMANTIC_TOKEN_LEGEND.tokenModifiers] }),
    async provideDocumentSemanticTokens(model) {
      const path = pathOfModel(model);
      if (!path) return null;
      const tokens = await client.request('semanticTokens', { path });
      return { data: Uint32Array.from(tokens.data) };
    },
    releaseDocumentSemanticTokens: () => undefined,
  });
}
