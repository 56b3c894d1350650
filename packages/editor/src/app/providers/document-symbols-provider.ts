import type { LanguageClient } from '../language-client/index.ts';
import { A6_LANGUAGE_ID } from '../language/index.ts';
import { monaco } from '../monaco/index.ts';
import type { DocumentSymbolInfo, SymbolKind } from '../worker/index.ts';
import { pathOfModel } from '../workspace/index.ts';
import { toMonacoRange } from './monaco-conversions.ts';

const kinds: Record<SymbolKind, monaco.languages.SymbolKind> = {
  rulebook: monaco.languages.SymbolKind.Module,
  rule: monaco.languages.SymbolKind.Class,
  levy: monaco.languages.SymbolKind.Constant,
  option: monaco.languages.SymbolKind.Property,
  let: monaco.languages.SymbolKind.Variable,
  cite: monaco.languages.SymbolKind.String,
  import: monaco.languages.SymbolKind.Package,
};

function toMonacoSymbol(symbol: DocumentSymbolInfo): monaco.languages.DocumentSymbol {
  return {
    name: symbol.name,
    detail: symbol.detail ?? '',
    kind: kinds[symbol.kind],
    tags: [],
    range: toMonacoRange(symbol.range),
    selectionRange: toMonacoRange(symbol.selectionRange),
    children: symbol.children?.map(toMonacoSymbol),
  };
}

export function registerDocumentSymbolsProvider(client: LanguageClient): monaco.IDisposable {
  return monaco.languages.registerDocumentSymbolProvider(A6_LANGUAGE_ID, {
    displayName: 'a6 rulebook outline',
    async provideDocumentSymbols(model) {
      const path = pathOfModel(model);
      if (!path) return [];
      const symbols = await client.request('documentSymbols', { path });
      return symbols.map(toMonacoSymbol);
    },
  });
}
