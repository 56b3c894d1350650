import type { LanguageClient } from '../language-client/index.ts';
import { A6_LANGUAGE_ID } from '../language/index.ts';
import { monaco } from '../monaco/index.ts';
import { pathOfModel } from '../workspace/index.ts';

export function registerFoldingProvider(client: LanguageClient): monaco.IDisposable {
  return monaco.languages.registerFoldingRangeProvider(A6_LANGUAGE_ID, {
    async provideFoldingRanges(model) {
      const path = pathOfModel(model);
      if (!path) return [];
      const ranges = await client.request('foldingRanges', { path });
      return ranges.map((range) => ({
        start: range.startLine,
        end: range.endLine,
        kind:
          range.kind === 'comment'
            ? monaco.languages.FoldingRangeKind.Comment
            : range.kind === 'imports'
              ? monaco.languages.FoldingRangeKind.Imports
              : range.kind === 'region'
                ? monaco.languages.FoldingRangeKind.Region
                : undefined,
      }));
    },
  });
}
