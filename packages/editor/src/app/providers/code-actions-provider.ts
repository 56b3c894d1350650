import type { LanguageClient } from '../language-client/index.ts';
import { A6_LANGUAGE_ID } from '../language/index.ts';
import { monaco } from '../monaco/index.ts';
import { pathOfModel } from '../workspace/index.ts';
import { fromMonacoRange, toMonacoRange, toMonacoWorkspaceEdit } from './monaco-conversions.ts';

/** Quick fixes for diagnostics (`did you mean 'vintage'?`, remove an unused let, …). */
export function registerCodeActionsProvider(client: LanguageClient): monaco.IDisposable {
  return monaco.languages.registerCodeActionProvider(
    A6_LANGUAGE_ID,
    {
      async provideCodeActions(model, range, context) {
        const path = pathOfModel(model);
        if (!path) return { actions: [], dispose: () => undefined };
        const diagnosticCodes = context.markers
          .map((marker) => (typeof marker.code === 'string' ? marker.code : marker.code?.value))
          .filter((code): code is string => code !== undefined);
        const actions = await client.request('codeActions', { path, range: fromMonacoRange(range), diagnosticCodes });
        return {
          actions: actions.map((action) => ({
            title: action.title,
            kind: action.kind,
            isPreferred: action.preferred,
            diagnostics: action.fixes
              ? context.markers.filter((marker) => {
                  const code = typeof marker.code === 'string' ? marker.code : marker.code?.value;
                  return code === action.fixes!.code && monaco.Range.areIntersecting(marker, toMonacoRange(action.fixes!.range));
                })
              : undefined,
            edit: toMonacoWorkspaceEdit(action.edits),
          })),
          dispose: () => undefined,
        };
      },
    },
    { providedCodeActionKinds: ['quickfix', 'refactor', 'source'] },
  );
}
