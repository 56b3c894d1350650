import type { RulebookFile, Span } from '../ast/ast.ts';
import type { FoldingRange } from './service-types.ts';
import type { TextPositions } from './text-positions.ts';

/**
 * Folds: rulebooks and rules (up to the line before their closing brace, which stays visible), block
 * comments, runs of line comments, and the import block.
 */
export function foldingRanges(file: RulebookFile, positions: TextPositions): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const block = (span: Span): void => {
    const startLine = positions.lineOf(span.start);
    const endLine = positions.lineOf(span.end) - 1;
    if (endLine > startLine) ranges.push({ startLine, endLine });
  };
  for (const rulebook of file.rulebooks) {
    block(rulebook.span);
    for (const member of rulebook.members) if (member.kind === 'Rule') block(member.span);
  }
  if (file.imports.length > 1) {
    const startLine = positions.lineOf(file.imports[0]!.span.start);
    const endLine = positions.lineOf(file.imports[file.imports.length - 1]!.span.end);
    if (endLine > startLine) ranges.push({ startLine, endLine, kind: 'imports' });
  }
  // The current run of line comments, each alone on its line.
  const run = { startLine: -1, endLine: -1 };
  const closeRun = (): void => {
    if (run.endLine > run.startLine) ranges.push({ startLine: run.startLine, endLine: run.endLine, kind: 'comment' });
    run.startLine = run.endLine = -1;
  };
  for (const comment of file.comments) {
    const startLine = positions.lineOf(comment.span.start);
    const endLine = positions.lineOf(comment.span.end);
    if (comment.block) {
      closeRun();
      if (endLine > startLine) ranges.push({ startLine, endLine, kind: 'comment' });
      continue;
    }
    const alone = positions.text.slice(positions.lineStart(startLine), comment.span.start).trim() === '';
    if (!alone) {
      closeRun();
      continue;
    }
    if (run.startLine >= 0 && run.endLine + 1 === startLine) run.endLine = startLine;
    else {
      closeRun();
      run.startLine = run.endLine = startLine;
    }
  }
  closeRun();
  return ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
