import type { LanguageClient } from '../language-client/index.ts';
import { A6_LANGUAGE_ID } from '../language/index.ts';
import { monaco } from '../monaco/index.ts';
import type { CompletionKind } from '../worker/index.ts';
import { pathOfModel } from '../workspace/index.ts';
import { fromMonacoPosition, toMonacoRange } from './monaco-conversions.ts';

const kinds: Record<CompletionKind, monaco.languages.CompletionItemKind> = {
  keyword: monaco.languages.CompletionItemKind.Keyword,
  trigger: monaco.languages.CompletionItemKind.Event,
  option: monaco.languages.CompletionItemKind.Property,
  option_value: monaco.languages.CompletionItemKind.EnumMember,
  field: monaco.languages.CompletionItemKind.Field,
  function: monaco.languages.CompletionItemKind.Function,
  variable: monaco.languages.CompletionItemKind.Variable,
  rulebook: monaco.languages.CompletionItemKind.Module,
  rule: monaco.languages.CompletionItemKind.Class,
  levy: monaco.languages.CompletionItemKind.Constant,
  snippet: monaco.languages.CompletionItemKind.Snippet,
};

export function registerCompletionProvider(client: LanguageClient): monaco.IDisposable {
  return monaco.languages.registerCompletionItemProvider(A6_LANGUAGE_ID, {
    triggerCharacters: ['.', ' ', '='],
    async provideCompletionItems(model, position) {
      const path = pathOfModel(model);
      if (!path) return { suggestions: [] };
      const entries = await client.request('completion', { path, position: fromMonacoPosition(position) });
      const word = model.getWordUntilPosition(position);
      const wordRange = new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn);
      return {
        suggestions: entries.map((entry) => ({
          label: entry.label,
          kind: kinds[entry.kind],
          detail: entry.detail,
          documentation: entry.documentation ? { value: entry.documentation } : undefined,
          insertText: entry.insertText ?? entry.label,
          sortText: entry.sortText,
          insertTextRules: entry.snippet ? monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet : undefined,
          range: entry.range ? toMonacoRange(entry.range) : wordRange,
        })),
      };
    },
  });
}
