/**
 * Rulebook check time against plain ohm matching of the same text, in one process (bench/README.md: every figure against a baseline of the same run).
 *
 * The text is a generated ~1,000-line negotiated variant that imports and extends Glasgow
 * (`rulebook/bench-rulebook.ts`), read through a `memorySourceHost` like the editor's worker does.
 * Figures (milliseconds, median of `--runs` runs (default 25; the two cheap edit figures 2× as many)
 * after warm-up; first runs of the process reported apart, since they pay for JIT compilation and
 * ohm's lazily built grammar state):
 *   ohmMatch          baseline: `grammar.match(text)` on a fresh matcher (no AST, no diagnostics)
 *   parse             `parseRulebookFile`: match + AST + syntax diagnostics of the variant file
 *   loadProgram       parse both files and follow the import (no resolution, no type check)
 *   checkProgram      cold check: parse both files, resolve, type-check (nothing reused between runs)
 *   loadRulebook      the full compile `a6 replay` does: checkProgram + compile to validators
 *   ohmIncremental    baseline for an edit: `matcher.replaceInputRange` + `match` on a kept matcher
 *   incrementalParse  `IncrementalParser.applyEdit` + `parse` after a one-line edit
 *   recheckAfterEdit  `applyEdit` + `parse` + `checkProgram` of the edited text (a cold checkProgram re-parses)
 *   recheckWithParseCache  `checkProgram` of the edited text through a warm `ParseCache` (what the editor's
 *                     worker and the language service do per edit)
 *
 *   pnpm bench check [--lines N] [--runs N]
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkProgram, type CheckResult } from '../packages/dsl/src/check/index.ts';
import { loadRulebook } from '../packages/dsl/src/compile/index.ts';
import grammar from '../packages/dsl/src/grammar/rulebook.ohm-bundle.js';
import { IncrementalParser, ParseCache, parseRulebookFile } from '../packages/dsl/src/parse/index.ts';
import { loadProgram, memorySourceHost, type SourceHost } from '../packages/dsl/src/program/index.ts';
import { machineInfo, round, timeInterleaved, timeOnce, timeRepeatedly, type RepeatedTiming } from './meter/index.ts';
import { BENCH_RULEBOOK_NAME, generateBenchRulebook } from './rulebook/index.ts';

export const CHECK_BENCH_FORMAT = 'a6.bench.check/1';

const GLASGOW_PATH = 'rulebooks/glasgow-2021.a6';
const VARIANT_PATH = 'rulebooks/negotiated-variant.a6';
const WARMUP = 3;

interface CheckBenchOptions {
  readonly lines: number;
  readonly runs: number;
}

function parseOptions(argv: readonly string[]): CheckBenchOptions {
  const { values } = parseArgs({ args: [...argv], options: { lines: { type: 'string', default: '1000' }, runs: { type: 'string', default: '25' } } });
  const lines = Number(values.lines);
  const runs = Number(values.runs);
  if (!Number.isSafeInteger(lines) || lines < 20) throw new Error(`--lines must be a whole number ≥ 20, got '${values.lines}'`);
  if (!Number.isSafeInteger(runs) || runs < 1) throw new Error(`--runs must be a positive whole number, got '${values.runs}'`);
  return { lines, runs };
}

function hostWith(glasgow: string, variant: string): SourceHost {
  return memorySourceHost({ [GLASGOW_PATH]: glasgow, [VARIANT_PATH]: variant });
}

/** Errors make every figure meaningless (a broken file checks faster): refuse to measure them. */
function assertClean(result: CheckResult, what: string): void {
  const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (errors.length > 0) throw new Error(`${what} has ${errors.length} error(s), first: ${errors[0]!.message}`);
}

/**
 * A figure's median over its baseline's, in wall and in CPU time. On a shared machine the CPU ratio is
 * the steadier one: wall time also counts the time other processes held the cores.
 */
function ratio(timing: RepeatedTiming, baseline: RepeatedTiming): { wall: number; cpu: number } {
  return { wall: round(timing.medianMs / baseline.medianMs, 2), cpu: round(timing.medianCpuMs / baseline.medianCpuMs, 2) };
}

export function runCheckBench(options: CheckBenchOptions): unknown {
  const machine = machineInfo();
  const glasgow = readFileSync(join(import.meta.dirname, '..', 'examples', 'rulebooks', 'glasgow-2021.a6'), 'utf8');
  const text = generateBenchRulebook(options.lines);
  const host = hostWith(glasgow, text);

  // First calls of the process, in pipeline order: each pays for whatever nothing before it warmed.
  const first = {
    ohmMatchMs: timeOnce(() => void grammar.match(text, 'File')),
    checkProgramMs: timeOnce(() => void checkProgram(host, [VARIANT_PATH])),
    loadRulebookMs: timeOnce(() => void loadRulebook(host, VARIANT_PATH)),
  };

  const match = grammar.match(text, 'File');
  if (match.failed()) throw new Error(`ohm cannot match the generated rulebook: ${match.message}`);
  const checked = checkProgram(host, [VARIANT_PATH]);
  assertClean(checked, 'the generated rulebook');
  const loaded = loadRulebook(host, VARIANT_PATH);
  if (!loaded.ok || loaded.rulebook.name !== BENCH_RULEBOOK_NAME) throw new Error('the generated rulebook does not compile');

  // From-scratch figures are timed round-robin, so load from other processes hits them alike.
  const { runs } = options;
  const scratch = timeInterleaved(
    {
      ohmMatch: () => void grammar.match(text, 'File'),
      parse: () => void parseRulebookFile(text, VARIANT_PATH),
      parseGlasgow: () => void parseRulebookFile(glasgow, GLASGOW_PATH),
      loadProgram: () => void loadProgram(host, [VARIANT_PATH]),
      checkProgram: () => void checkProgram(host, [VARIANT_PATH]),
      loadRulebook: () => void loadRulebook(host, VARIANT_PATH),
    },
    runs,
    WARMUP,
  );

  // A one-line edit in the middle of the file: a let's constant flips between two values, so every
  // run is a real edit and the file stays valid (the editor's common case: typing in a clean file).
  const editLine = text.indexOf('  let vintage_floor_', Math.floor(text.length / 2));
  const editAt = text.indexOf('= ', editLine) + 2;
  const original = text.slice(editAt, editAt + 4);
  if (!/^20\d\d$/.test(original)) throw new Error(`unexpected edit site: '${original}'`);
  const replacement = original === '2024' ? '2023' : '2024';
  const editedLine = text.slice(editLine, text.indexOf('\n', editLine));

  const matcher = grammar.matcher();
  matcher.setInput(text);
  matcher.match('File');
  let ohmFlip = false;
  const ohmEdit = (): void => {
    matcher.replaceInputRange(editAt, editAt + 4, ohmFlip ? original : replacement);
    ohmFlip = !ohmFlip;
    if (matcher.match('File').failed()) throw new Error('the edit broke the match');
  };

  const parser = new IncrementalParser(VARIANT_PATH);
  parser.setText(text);
  parser.parse();
  let parseFlip = false;
  const edit = (): void => {
    parser.applyEdit(editAt, editAt + 4, parseFlip ? original : replacement);
    parseFlip = !parseFlip;
    if (parser.parse().diagnostics.length > 0) throw new Error('the edit broke the parse');
  };
  // The two cheap edits are timed together; the re-check (a hundred times their cost) apart, so they
  // do not pay for collecting its garbage in the round-robin.
  const incremental = timeInterleaved({ ohmIncremental: ohmEdit, incrementalParse: edit }, runs * 2, WARMUP);
  const recheckAfterEdit = timeRepeatedly(
    () => {
      edit();
      assertClean(checkProgram(hostWith(glasgow, parser.text), [VARIANT_PATH]), 'the edited rulebook');
    },
    runs,
    WARMUP,
  );
  // What the editor's worker and the language service do per edit: checkProgram through a ParseCache,
  // whose incremental parsers re-parse only the edited region and skip the unchanged import.
  const parses = new ParseCache();
  let cachedText = text;
  checkProgram(hostWith(glasgow, cachedText), [VARIANT_PATH], { parse: parses.parse });
  let cacheFlip = false;
  const recheckWithParseCache = timeRepeatedly(
    () => {
      cachedText = cachedText.slice(0, editAt) + (cacheFlip ? original : replacement) + cachedText.slice(editAt + 4);
      cacheFlip = !cacheFlip;
      assertClean(checkProgram(hostWith(glasgow, cachedText), [VARIANT_PATH], { parse: parses.parse }), 'the edited rulebook');
    },
    runs,
    WARMUP,
  );
  const { ohmMatch, parse, parseGlasgow, loadProgram: parseAll, checkProgram: cold, loadRulebook: compile } = scratch.timings;
  const { ohmIncremental, incrementalParse } = incremental.timings;

  return {
    format: CHECK_BENCH_FORMAT,
    machine,
    input: {
      file: VARIANT_PATH,
      lines: text.split('\n').length - 1,
      characters: text.length,
      imports: GLASGOW_PATH,
      rulebook: `${BENCH_RULEBOOK_NAME} extends glasgow_2021`,
      members: memberCounts(text),
      diagnostics: checked.diagnostics.length,
      compiled: { rules: loaded.rulebook.rules.length, levies: loaded.rulebook.levies.length },
    },
    edit: { line: lineOf(text, editAt), before: editedLine, replaces: `${original} ↔ ${replacement}` },
    firstCallsMs: first,
    timingsMs: { ohmMatch, parse, parseGlasgow, loadProgram: parseAll, checkProgram: cold, loadRulebook: compile, ohmIncremental, incrementalParse, recheckAfterEdit, recheckWithParseCache },
    // checkProgram parses every file itself (loadProgram calls parseRulebookFile), so a re-check cannot
    // reuse the IncrementalParser's AST. What resolving and type-checking alone cost is checkProgram
    // minus loadProgram (which only parses and follows imports), paired round by round; compiling to
    // validators is loadRulebook minus checkProgram. Still noisy on a shared machine.
    derivedMs: {
      astAndDiagnostics: scratch.pairedDifference('parse', 'ohmMatch'),
      resolveAndTypeCheck: scratch.pairedDifference('checkProgram', 'loadProgram'),
      compileToValidators: scratch.pairedDifference('loadRulebook', 'checkProgram'),
    },
    ratios: {
      parseToOhmMatch: ratio(parse, ohmMatch),
      checkProgramToOhmMatch: ratio(cold, ohmMatch),
      loadRulebookToOhmMatch: ratio(compile, ohmMatch),
      incrementalParseToOhmIncremental: ratio(incrementalParse, ohmIncremental),
      recheckAfterEditToOhmMatch: ratio(recheckAfterEdit, ohmMatch),
      recheckAfterEditToCheckProgram: ratio(recheckAfterEdit, cold),
      recheckWithParseCacheToCheckProgram: ratio(recheckWithParseCache, cold),
    },
  };
}

function memberCounts(text: string): Record<string, number> {
  const count = (pattern: RegExp): number => text.match(pattern)?.length ?? 0;
  return {
    rules: count(/^ {2}rule /gm),
    levies: count(/^ {2}levy /gm),
    lets: count(/^ {2}let /gm),
    requires: count(/^ {4}require /gm),
    expects: count(/^ {4}expect /gm),
    wheres: count(/^ {6}where /gm) + count(/^ {2}(rule|levy) .* where /gm),
  };
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line += 1;
  return line;
}

if (resolve(process.argv[1] ?? '') === resolve(import.meta.filename)) {
  process.stdout.write(JSON.stringify(runCheckBench(parseOptions(process.argv.slice(2))), null, 2) + '\n');
}
