import type { Span } from '../ast/ast.ts';
import type { SourceScan } from './source-scanner.ts';

/**
 * What one rulebook file may hold (docs/reliability.md "Bounded checks"; docs/language.md "Diagnostics"). The
 * parser, checker, compiler and formatter walk expressions recursively and ohm's matching is
 * recursive too, so the length of chains and the depth of nesting are bounded *before* any of them
 * runs: a text beyond a limit gets one located `dsl.too_large` / `dsl.too_deep` error and is not
 * parsed at all, instead of exhausting the stack or the heap. The limits are far above any real
 * rulebook (the largest example has fewer than 100 declarations and chains of a few dozen terms).
 */
export const SOURCE_LIMITS = {
  /** Characters of one file (≈ 1 MB). */
  maxChars: 1_000_000,
  /** Declarations (imports, rulebooks and their members) in one file. */
  maxDeclarations: 2_000,
  /** Operators and separators in one declaration: bounds `+`/`and`/member chains and list length. */
  maxOperatorsPerDeclaration: 1_000,
  /** Nesting of brackets and braces. */
  maxDepth: 64,
} as const;

export interface LimitProblem {
  readonly code: 'dsl.too_large' | 'dsl.too_deep';
  readonly span: Span;
  readonly message: string;
}

/** The size check, before even scanning the text. */
export function sizeProblem(text: string): LimitProblem | null {
  if (text.length <= SOURCE_LIMITS.maxChars) return null;
  const at = SOURCE_LIMITS.maxChars;
  return { code: 'dsl.too_large', span: { start: at, end: at + 1 }, message: `the file has ${text.length} characters; a rulebook file holds at most ${SOURCE_LIMITS.maxChars}` };
}

/** The first limit the scanned text exceeds, located where it was exceeded. */
export function scanProblem(scan: SourceScan): LimitProblem | null {
  if (scan.keywords.length > SOURCE_LIMITS.maxDeclarations) {
    const at = scan.keywords[SOURCE_LIMITS.maxDeclarations]!.start;
    return { code: 'dsl.too_large', span: { start: at, end: at + 1 }, message: `the file has ${scan.keywords.length} declarations; a rulebook file holds at most ${SOURCE_LIMITS.maxDeclarations}` };
  }
  if (scan.deepest.depth > SOURCE_LIMITS.maxDepth) {
    const at = scan.deepest.at;
    return { code: 'dsl.too_deep', span: { start: at, end: at + 1 }, message: `brackets are nested ${scan.deepest.depth} deep here; at most ${SOURCE_LIMITS.maxDepth}` };
  }
  if (scan.longestChain.operators > SOURCE_LIMITS.maxOperatorsPerDeclaration) {
    const at = scan.longestChain.at;
    return {
      code: 'dsl.too_large',
      span: { start: at, end: at + 1 },
      message: `this declaration has ${scan.longestChain.operators} operators and separators; at most ${SOURCE_LIMITS.maxOperatorsPerDeclaration} (split a chain or list this long into lets)`,
    };
  }
  return null;
}
