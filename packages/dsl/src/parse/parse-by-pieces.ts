import type { MatchResult } from 'ohm-js';
import grammar from '../grammar/rulebook.ohm-bundle.js';
import type { ImportDecl, Member, RulebookDecl } from '../ast/ast.ts';
import { atOffset, buildAst, type ParsedFileBody } from './ast-builder.ts';
import { shiftSpans } from './shift-spans.ts';
import { firstCodeStart, lastCodeEnd, type SourceScan } from './source-scanner.ts';
import { syntaxProblemOf, type SyntaxProblem } from './syntax-problem.ts';

type StartRule = 'File' | 'Import' | 'RulebookHeader' | 'RulebookDecl' | 'Member';

/** A piece parsed during an earlier recovery: where it was, what it gave. */
interface ParsedPiece {
  readonly from: number;
  readonly value: unknown;
  readonly problems: readonly SyntaxProblem[];
}

/**
 * Pieces from the previous recovery of the same document, keyed by start rule and text: while the
 * user types inside one rule the file stays broken, and only that rule needs ohm again.
 */
export interface PieceCache {
  readonly previous: ReadonlyMap<string, ParsedPiece>;
  readonly next: Map<string, ParsedPiece>;
}

/**
 * Parses a file piece by piece. This is the error recovery for a file the grammar rejects (ohm has
 * none of its own): declaration keywords are reserved, so wherever `import`, `rulebook`, `cite`,
 * `option`, `levy`, `rule`, `remove` or `let` appears in code (not where a name is expected) a new
 * declaration starts, however broken the text before it. The file is cut there and each piece is
 * parsed alone with the grammar's start rule for it: good pieces stay in the AST, each bad piece
 * gives its own `dsl.syntax` problem, so one broken rule never hides the next (docs/language.md, Static
 * checking). A rulebook whose header parses keeps its good members.
 *
 * For a valid file the pieces give exactly the AST of the whole-file parse, so the incremental
 * parser also builds valid files this way: with `cache`, only the pieces an edit touched are parsed
 * again. `fullMatch` is the whole-file match: where it failed, and whether it did.
 */
export function parseByPieces(
  text: string,
  scan: SourceScan,
  fullMatch: MatchResult,
  problems: SyntaxProblem[],
  cache?: PieceCache,
): ParsedFileBody {
  const found: SyntaxProblem[] = [];
  const { comments } = scan;
  const failedAt = fullMatch.failed() ? fullMatch.getRightmostFailurePosition() : null;

  const parseFresh = (piece: string, from: number, rule: StartRule): ParsedPiece => {
    const result = grammar.match(piece, rule);
    if (result.failed()) return { from, value: null, problems: [syntaxProblemOf(result, piece, from, comments)] };
    const pieceProblems: SyntaxProblem[] = [];
    return { from, value: buildAst(result, atOffset(from, pieceProblems)), problems: pieceProblems };
  };
  const parsePiece = <T>(from: number, to: number, rule: StartRule): T | null => {
    const piece = text.slice(from, to);
    const key = `${rule}\u0000${piece}`;
    const cached = cache?.previous.get(key) ?? cache?.next.get(key);
    const parsed = cached ?? parseFresh(piece, from, rule);
    cache?.next.set(key, parsed);
    const delta = from - parsed.from;
    found.push(...parsed.problems.map((problem) => shiftSpans(problem, delta)));
    return parsed.value === null ? null : shiftSpans(parsed.value as T, delta);
  };
  const hasCode = (from: number, to: number): boolean => firstCodeStart(text, from, to, comments) < to;

  const tops = scan.keywords.filter((token) => token.keyword === 'import' || token.keyword === 'rulebook');
  const memberKeywords = scan.keywords.filter((token) => token.keyword !== 'import' && token.keyword !== 'rulebook');
  const imports: ImportDecl[] = [];
  const rulebooks: RulebookDecl[] = [];

  const firstTop = tops[0]?.start ?? text.length;
  if (hasCode(0, firstTop)) parsePiece(0, firstTop, 'File');

  tops.forEach((token, index) => {
    const start = token.start;
    const end = tops[index + 1]?.start ?? text.length;
    if (token.keyword === 'import') {
      if (rulebooks.length > 0) {
        found.push({ span: { start, end: start + 'import'.length }, message: 'imports come before the first rulebook' });
      }
      // The piece ends at its last code: trailing blank lines and comments are not part of the import.
      const decl = parsePiece<ImportDecl>(start, lastCodeEnd(text, start, end, comments), 'Import');
      if (decl !== null) imports.push(decl);
      return;
    }
    // A rulebook is tried whole only in a broken file, and only when the file broke elsewhere. In a
    // valid file it is cut into its parts at once: as one piece it would be new after any edit.
    if (failedAt !== null && (failedAt < start || failedAt > end)) {
      const before = found.length;
      const whole = parsePiece<RulebookDecl>(start, end, 'RulebookDecl');
      if (whole !== null) {
        rulebooks.push(whole);
        return;
      }
      // The whole-rulebook attempt reported the first error only; drop it and look at the parts.
      found.length = before;
    }
    const members = memberKeywords.filter((member) => member.start > start && member.start < end);
    const headerLimit = members[0]?.start ?? end;
    const open = scan.openBraces.find((offset) => offset >= start && offset < headerLimit);
    const bodyStart = open === undefined ? headerLimit : open + 1;
    const header = parsePiece<RulebookDecl>(start, bodyStart, 'RulebookHeader');
    const closes = scan.closeBraces.filter((offset) => offset >= bodyStart && offset < end);
    const close = closes[closes.length - 1];
    const codeEnd = lastCodeEnd(text, start, end, comments);
    const bodyEnd = close ?? codeEnd;

    const parsed: Member[] = [];
    const boundaries = members.filter((member) => member.start < bodyEnd).map((member) => member.start);
    const firstMember = boundaries[0] ?? bodyEnd;
    if (hasCode(bodyStart, firstMember)) parsePiece(bodyStart, firstMember, 'Member');
    boundaries.forEach((from, i) => {
      const member = parsePiece<Member>(from, boundaries[i + 1] ?? bodyEnd, 'Member');
      if (member !== null) parsed.push(member);
    });
    if (close === undefined) {
      found.push({ span: { start: codeEnd, end: codeEnd }, message: 'expected "}" to close the rulebook' });
    } else if (hasCode(close + 1, end)) {
      const junk = firstCodeStart(text, close + 1, end, comments);
      found.push({ span: { start: junk, end: junk + 1 }, message: 'expected "import" or "rulebook"' });
    }
    if (header !== null) {
      rulebooks.push({ ...header, members: parsed, span: { start, end: close === undefined ? codeEnd : close + 1 } });
    }
  });

  if (found.length === 0 && fullMatch.failed()) found.push(syntaxProblemOf(fullMatch, text, 0, comments));
  problems.push(...found);
  return { imports, rulebooks };
}
