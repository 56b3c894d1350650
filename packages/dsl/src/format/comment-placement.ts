import type { Comment, Span } from '../ast/ast.ts';

/**
 * A line-level piece of the layout (an import, a rulebook header or closing brace, a member, a rule
 * header, a check) and the comments that print with it.
 */
export interface Anchor {
  readonly span: Span;
  /** Comments on their own lines before the piece. */
  readonly leading: Comment[];
  /** Comments written inside the piece (in a long condition, say): printed just before it. */
  readonly inside: Comment[];
  /** Comments after the piece on its last line. */
  readonly trailing: Comment[];
}

export const anchorAt = (span: Span): Anchor => ({ span, leading: [], inside: [], trailing: [] });

/**
 * Gives every comment to an anchor, so the printer keeps all of them in place: a comment on the line
 * where a piece ends trails it, a comment inside a piece goes just before it, any other comment leads
 * the next piece. `end` (an anchor at the end of the file) takes the comments after the last piece.
 */
export function placeComments(source: string, anchors: readonly Anchor[], comments: readonly Comment[], end: Anchor): void {
  const sorted = anchors.toSorted((a, b) => a.span.start - b.span.start);
  for (const comment of comments) {
    const index = lastIndexAtOrBefore(sorted, comment.span.start);
    const before = index >= 0 ? sorted[index]! : null;
    if (before !== null && comment.span.start < before.span.end) {
      before.inside.push(comment);
    } else if (before !== null && !source.slice(before.span.end, comment.span.start).includes('\n')) {
      before.trailing.push(comment);
    } else {
      (sorted[index + 1] ?? end).leading.push(comment);
    }
  }
}

function lastIndexAtOrBefore(anchors: readonly Anchor[], offset: number): number {
  let low = 0;
  let high = anchors.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (anchors[mid]!.span.start <= offset) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}
