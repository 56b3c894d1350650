export { parseRulebookFile, type ParseResult } from './parse-rulebook-file.ts';
export { IncrementalParser } from './incremental-parser.ts';
