import type { MatchResult } from 'ohm-js';
import grammar from '../grammar/rulebook.ohm-bundle.js';
import type { RulebookFile } from '../ast/ast.ts';
import { makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { LineIndex } from '../diagnostics/line-index.ts';
import { atOffset, buildAst, type ParsedFileBody } from './ast-builder.ts';
import { parseByPieces, type PieceCache } from './parse-by-pieces.ts';
import { scanProblem, sizeProblem, type LimitProblem } from './source-limits.ts';
import { scanSource, type SourceScan } from './source-scanner.ts';
import type { SyntaxProblem } from './syntax-problem.ts';

export interface ParseResult {
  readonly file: RulebookFile;
  readonly diagnostics: Diagnostic[];
}

/**
 * Parses a rulebook file into its AST. Never throws: syntax errors come back as `dsl.syntax`
 * diagnostics, and the AST holds everything that could be recovered around them.
 */
export function parseRulebookFile(text: string, path: string): ParseResult {
  return parseMatched(text, path, () => grammar.match(text, 'File'));
}

/**
 * Shared by the one-shot and the incremental parser: `match` runs the grammar on the whole text;
 * `pieces` lets recovery reuse the pieces of the previous parse of the same document.
 */
export function parseMatched(text: string, path: string, match: () => MatchResult, pieces?: PieceCache): ParseResult {
  const tooLarge = sizeProblem(text);
  if (tooLarge !== null) return refused(text, path, tooLarge, null);
  const scan = scanSource(text);
  const beyond = scanProblem(scan);
  if (beyond !== null) return refused(text, path, beyond, scan);
  const problems: SyntaxProblem[] = [];
  let body: ParsedFileBody;
  try {
    const result = match();
    body = result.failed() || pieces !== undefined
      ? parseByPieces(text, scan, result, problems, pieces)
      : buildAst<ParsedFileBody>(result, atOffset(0, problems));
  } catch (error) {
    // Only pathological nesting gets here (thousands of parentheses exhaust the stack); it is the
    // user's input, so it is a diagnostic and not a crash.
    if (!(error instanceof RangeError)) throw error;
    body = { imports: [], rulebooks: [] };
    problems.push({ span: { start: 0, end: 0 }, message: 'the file is nested too deeply to parse' });
  }
  const lines = new LineIndex(text);
  const seen = new Set<string>();
  const diagnostics = problems
    .toSorted((a, b) => a.span.start - b.span.start || a.span.end - b.span.end)
    .filter((problem) => {
      const key = `${problem.span.start}:${problem.span.end}:${problem.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((problem) => makeDiagnostic(lines, path, 'dsl.syntax', 'error', problem.span, problem.message));
  const file: RulebookFile = {
    kind: 'File',
    path,
    imports: body.imports,
    rulebooks: body.rulebooks,
    comments: scan.comments,
    span: { start: 0, end: text.length },
  };
  return { file, diagnostics };
}

/** A file beyond a limit of `SOURCE_LIMITS`: one located error, an empty AST, no parse. */
function refused(text: string, path: string, problem: LimitProblem, scan: SourceScan | null): ParseResult {
  const diagnostic = makeDiagnostic(new LineIndex(text), path, problem.code, 'error', problem.span, problem.message);
  const file: RulebookFile = { kind: 'File', path, imports: [], rulebooks: [], comments: scan?.comments ?? [], span: { start: 0, end: text.length } };
  return { file, diagnostics: [diagnostic] };
}
