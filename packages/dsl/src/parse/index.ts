export { parseRulebookFile, type ParseResult } from './parse-rulebook-file.ts';
export { IncrementalParser } from './incremental-parser.ts';
export { ParseCache, changedRegion, type ParseFunction } from './parse-cache.ts';
