// The service converts positions through the language's one line index (docs/language.md
// "Diagnostics"); `TextPositions` is its name on the service's side.
export { LineIndex as TextPositions, type LspPosition, type LspRange } from '../diagnostics/line-index.ts';
export type { LineColumn as LineColumnPosition } from '../diagnostics/diagnostic.ts';
