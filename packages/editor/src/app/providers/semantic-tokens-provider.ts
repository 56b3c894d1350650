import type { LanguageClient } from '../language-client/index.ts';
import { A6_LANGUAGE_ID } from '../language/index.ts';
import { monaco } from '../monaco/index.ts';
import type { SemanticTokensLegend } from '../worker/index.ts';
import { pathOfModel } from '../workspace/index.ts';

/** Whole-document semantic tokens (needs `documentSemanticTokens`, imported in `monaco/monaco.ts`). */
export function registerSemanticTokensProvider(client: LanguageClient, legend: SemanticTokensLegend): monaco.IDisposable {
  return monaco.languages.registerDocumentSemanticTokensProvider(A6_LANGUAGE_ID, {
    getLegend: () => ({ tokenTypes: [...legend.tokenTypes], tokenModifiers: [...legend.tokenModifiers] }),
    async provideDocumentSemanticTokens(model) {
      const path = pathOfModel(model);
      if (!path) return null;
      const tokens = await client.request('semanticTokens', { path });
      return { data: Uint32Array.from(tokens.data) };
    },
    releaseDocumentSemanticTokens: () => undefined,
  });
}
