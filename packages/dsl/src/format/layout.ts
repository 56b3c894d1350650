import type { CheckDecl, Expr, ImportDecl, LevyDecl, Member, RuleDecl, RulebookDecl } from '../ast/ast.ts';
import { logicalChain, printExpr } from './print-expr.ts';

/** Lines longer than this are broken where the layout allows (before `where`, `else`, `and`, `or`). */
const LINE_WIDTH = 100;
export const INDENT = '  ';

const fits = (line: string): boolean => line.length <= LINE_WIDTH;
const quote = (source: string, node: { span: { start: number; end: number } }): string =>
  source.slice(node.span.start, node.span.end);

/**
 * `head + condition + tail` on one line when it fits; otherwise broken before each operator of the
 * condition's top-level `and`/`or` chain, continuation lines at `continuation` indent.
 */
function conditionLines(head: string, condition: Expr, tail: string, continuation: string, source: string): string[] {
  const flat = `${head}${printExpr(condition, source)}${tail}`;
  const chain = logicalChain(condition, source);
  if (fits(flat) || chain === null) return [flat];
  const [first, ...rest] = chain.operands;
  const lines = [`${head}${first}`, ...rest.map((operand) => `${continuation}${chain.operator} ${operand}`)];
  lines[lines.length - 1] += tail;
  return lines;
}

export function importLines(decl: ImportDecl, source: string, indent: string): string[] {
  return [`${indent}import ${quote(source, decl.path)}`];
}

export function rulebookHeaderLine(decl: RulebookDecl, source: string, indent: string, empty: boolean): string {
  let line = `${indent}rulebook ${decl.name.name}`;
  if (decl.parent !== null) line += ` extends ${decl.parent.name}`;
  if (decl.title !== null) line += ` ${quote(source, decl.title)}`;
  return line + (empty ? ' {}' : ' {');
}

export function ruleHeaderLines(rule: RuleDecl, source: string, indent: string): string[] {
  let head = `${indent}rule ${rule.name.name}`;
  if (rule.title !== null) head += ` ${quote(source, rule.title)}`;
  head += ` on ${rule.triggers.map((trigger) => trigger.name).join(', ')}`;
  if (rule.where === null) return [`${head} {`];
  const flat = `${head} where ${printExpr(rule.where, source)} {`;
  if (fits(flat)) return [flat];
  const whereIndent = indent + INDENT + INDENT;
  return [head, ...conditionLines(`${whereIndent}where `, rule.where, ' {', whereIndent + INDENT, source)];
}

export function checkLines(check: CheckDecl, source: string, indent: string): string[] {
  const message = check.message === null ? '' : ` else ${check.message.raw}`;
  const flat = `${indent}${check.mode} ${printExpr(check.condition, source)}${message}`;
  if (fits(flat)) return [flat];
  const continuation = indent + INDENT;
  const lines = conditionLines(`${indent}${check.mode} `, check.condition, '', continuation, source);
  if (check.message !== null) lines.push(`${continuation}else ${check.message.raw}`);
  return lines;
}

function levyLines(levy: LevyDecl, source: string, indent: string): string[] {
  let head = `${indent}levy ${levy.name.name} ${quote(source, levy.rate)}`;
  if (levy.rounding !== null) head += ` rounded ${levy.rounding.mode}`;
  head += ` on ${levy.trigger.name}`;
  const destination = levy.destination.kind === 'cancel' ? ' cancel' : ` to ${levy.destination.account.name}`;
  if (levy.where === null) return [head + destination];
  const flat = `${head} where ${printExpr(levy.where, source)}${destination}`;
  if (fits(flat)) return [flat];
  const whereIndent = indent + INDENT + INDENT;
  return [head, ...conditionLines(`${whereIndent}where `, levy.where, destination, whereIndent + INDENT, source)];
}

/** The lines of a member other than a rule (a rule is a header, its checks and a closing brace). */
export function memberLines(member: Exclude<Member, RuleDecl>, source: string, indent: string): string[] {
  switch (member.kind) {
    case 'Cite':
      return [`${indent}cite ${quote(source, member.text)}`];
    case 'Option': {
      const value = member.value.kind === 'Identifier' ? member.value.name : quote(source, member.value);
      return [`${indent}option ${member.path.map((part) => part.name).join('.')} = ${value}`];
    }
    case 'Levy':
      return levyLines(member, source, indent);
    case 'Remove':
      return [`${indent}remove ${member.target} ${member.name.name}`];
    case 'Let':
      return conditionLines(`${indent}let ${member.name.name} = `, member.value, '', indent + INDENT + INDENT, source);
  }
}
