export { formatRulebookFile, type FormatResult } from './format-rulebook-file.ts';
