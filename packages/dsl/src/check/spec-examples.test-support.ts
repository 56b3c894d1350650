import { readFileSync } from 'node:fs';

/**
 * The example rulebooks of docs/language.md ("Files, imports and rulebooks") and docs/reports.md ("Worked example"), verbatim: one copy of
 * each, in the parser's fixtures, shared by the parser, checker and formatter tests.
 */
export const DSL_EXAMPLE = readFileSync(new URL('../parse/fixtures/dsl-example.a6', import.meta.url), 'utf8');
export const REPLAY_WORKED_EXAMPLE = readFileSync(new URL('../parse/fixtures/replay-worked-example.a6', import.meta.url), 'utf8');
