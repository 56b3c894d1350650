import type { Comment, Member, RuleDecl, RulebookDecl, RulebookFile, Span } from '../ast/ast.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { parseRulebookFile } from '../parse/parse-rulebook-file.ts';
import { anchorAt, placeComments, type Anchor } from './comment-placement.ts';
import {
  INDENT,
  checkLines,
  importLines,
  memberLines,
  ruleHeaderLines,
  rulebookHeaderLine,
} from './layout.ts';

export type FormatResult = { ok: true; text: string } | { ok: false; diagnostics: Diagnostic[] };

/**
 * The canonical layout of a rulebook file (`a6 fmt`): two-space indent, one member per line, a blank
 * line around rules and between rulebooks, long conditions broken before `where`, `else`, `and`,
 * `or`, minimal parentheses, literals as written and every comment kept. Files with syntax errors are
 * refused with their diagnostics: formatting a guess would rewrite what the user meant.
 */
export function formatRulebookFile(text: string, path: string): FormatResult {
  const { file, diagnostics } = parseRulebookFile(text, path);
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  return { ok: true, text: printFile(file, text) };
}

interface RulePlan {
  readonly rule: RuleDecl;
  readonly header: Anchor;
  readonly checks: readonly Anchor[];
  readonly close: Anchor;
}

interface MemberPlan {
  readonly member: Member;
  readonly anchor: Anchor;
  readonly rule: RulePlan | null;
}

interface RulebookPlan {
  readonly decl: RulebookDecl;
  readonly header: Anchor;
  readonly members: readonly MemberPlan[];
  readonly close: Anchor;
}

/** The offset just past the `{` that follows `from`, skipping spaces and comments. */
function braceEnd(source: string, from: number, comments: readonly Comment[]): number {
  let offset = from;
  while (offset < source.length) {
    const comment = comments.find((c) => c.span.start === offset);
    if (comment !== undefined) offset = comment.span.end;
    else if (source[offset] === '{') return offset + 1;
    else offset++;
  }
  return source.length;
}

const lastEnd = (spans: readonly (Span | undefined)[]): number =>
  Math.max(...spans.map((span) => span?.end ?? 0));

function planRulebook(decl: RulebookDecl, source: string, comments: readonly Comment[]): RulebookPlan {
  const headerEnd = braceEnd(source, lastEnd([decl.name.span, decl.parent?.span, decl.title?.span]), comments);
  const members = decl.members.map((member): MemberPlan => {
    if (member.kind !== 'Rule') return { member, anchor: anchorAt(member.span), rule: null };
    const from = lastEnd([member.name.span, member.title?.span, ...member.triggers.map((t) => t.span), member.where?.span]);
    const header = anchorAt({ start: member.span.start, end: braceEnd(source, from, comments) });
    const rule: RulePlan = {
      rule: member,
      header,
      checks: member.checks.map((check) => anchorAt(check.span)),
      close: anchorAt({ start: member.span.end - 1, end: member.span.end }),
    };
    return { member, anchor: header, rule };
  });
  return {
    decl,
    header: anchorAt({ start: decl.span.start, end: headerEnd }),
    members,
    close: anchorAt({ start: decl.span.end - 1, end: decl.span.end }),
  };
}

const BLANK_LINE = /\n[ \t\r]*\n/;
const commentText = (comment: Comment): string => (comment.block ? comment.text : comment.text.trimEnd());

/**
 * Writes anchors with their comments. Blank lines the author left between pieces are kept (one at
 * most), the layout adds them around rules and between rulebooks and drops them after `{` and before
 * `}`; every decision depends on the source gaps and the tree only, so formatting is idempotent.
 */
class Printer {
  readonly lines: string[] = [];
  private readonly ends: number[];

  constructor(private readonly source: string, anchors: readonly Anchor[], comments: readonly Comment[]) {
    this.ends = [...anchors.map((a) => a.span.end), ...comments.map((c) => c.span.end)].sort((a, b) => a - b);
  }

  /** Whether the author left a blank line between the previous piece of source and `start`. */
  private blankBefore(start: number): boolean {
    let previous = 0;
    for (const end of this.ends) {
      if (end > start) break;
      previous = end;
    }
    return BLANK_LINE.test(this.source.slice(previous, start));
  }

  /**
   * Prints one anchor: its leading comments, its inside comments, its lines and trailing comments.
   * `first`: the first thing of a block (never a blank line before); `separate`: the layout wants a
   * blank line before; `closing`: a closing brace, which never has a blank line right before it.
   */
  print(anchor: Anchor, indent: string, lines: readonly string[], options: { first: boolean; separate: boolean; closing?: boolean }): void {
    let firstUnit = true;
    const push = (line: string, blank: boolean): void => {
      if (firstUnit ? !options.first && (options.separate || blank) : blank) this.lines.push('');
      firstUnit = false;
      this.lines.push(line);
    };
    for (const comment of anchor.leading) push(indent + commentText(comment), this.blankBefore(comment.span.start));
    const anchorBlank = !options.closing && this.blankBefore(anchor.span.start);
    anchor.inside.forEach((comment, index) => push(indent + commentText(comment), index === 0 && anchorBlank));
    const [head, ...rest] = lines;
    if (options.closing && firstUnit) {
      this.lines.push(head!);
      firstUnit = false;
    } else {
      push(head!, anchor.inside.length === 0 && anchorBlank);
    }
    this.lines.push(...rest);
    if (anchor.trailing.length > 0) {
      this.lines[this.lines.length - 1] += ` ${anchor.trailing.map(commentText).join(' ')}`;
    }
  }

}

function printFile(file: RulebookFile, source: string): string {
  const { comments } = file;
  const rulebooks = file.rulebooks.map((decl) => planRulebook(decl, source, comments));
  const imports = file.imports.map((decl) => ({ decl, anchor: anchorAt(decl.span) }));
  const anchors: Anchor[] = [...imports.map((entry) => entry.anchor)];
  for (const rulebook of rulebooks) {
    anchors.push(rulebook.header, rulebook.close);
    for (const member of rulebook.members) {
      anchors.push(member.anchor);
      if (member.rule !== null) anchors.push(...member.rule.checks, member.rule.close);
    }
  }
  const endOfFile = anchorAt({ start: source.length, end: source.length });
  placeComments(source, anchors, comments, endOfFile);

  const printer = new Printer(source, anchors, comments);
  for (const { decl, anchor } of imports) {
    printer.print(anchor, '', importLines(decl, source, ''), { first: printer.lines.length === 0, separate: false });
  }
  for (const rulebook of rulebooks) printRulebook(printer, rulebook, source);
  for (const comment of endOfFile.leading) {
    printer.print(anchorAt(comment.span), '', [commentText(comment)], { first: printer.lines.length === 0, separate: false });
  }
  return printer.lines.join('\n') + '\n';
}

function printRulebook(printer: Printer, plan: RulebookPlan, source: string): void {
  const { decl, header, members, close } = plan;
  const empty = members.length === 0 && header.trailing.length === 0 && close.leading.length === 0 && close.inside.length === 0;
  printer.print(header, '', [rulebookHeaderLine(decl, source, '', empty)], { first: printer.lines.length === 0, separate: true });
  if (empty) {
    if (close.trailing.length > 0) printer.lines[printer.lines.length - 1] += ` ${close.trailing.map(commentText).join(' ')}`;
    return;
  }
  const indent = INDENT;
  let previousWasRule = false;
  members.forEach(({ member, anchor, rule }, index) => {
    const options = { first: index === 0, separate: previousWasRule || rule !== null };
    if (rule === null) {
      printer.print(anchor, indent, memberLines(member as Exclude<Member, RuleDecl>, source, indent), options);
    } else {
      printer.print(anchor, indent, ruleHeaderLines(rule.rule, source, indent), options);
      const checkIndent = indent + INDENT;
      rule.rule.checks.forEach((check, checkIndex) => {
        printer.print(rule.checks[checkIndex]!, checkIndent, checkLines(check, source, checkIndent), { first: checkIndex === 0, separate: false });
      });
      printer.print(rule.close, checkIndent, [`${indent}}`], { first: false, separate: false, closing: true });
    }
    previousWasRule = rule !== null;
  });
  printer.print(close, indent, ['}'], { first: members.length === 0, separate: previousWasRule, closing: true });
}
