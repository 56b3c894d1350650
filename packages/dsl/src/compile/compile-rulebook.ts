import type { CheckDecl, Expr, LevyDecl, MessageTemplate, RuleDecl, Span, Trigger } from '../ast/ast.ts';
import type { EffectiveMember, ResolvedRulebook } from '../check/resolved-model.ts';
import type { OptionName } from '../options/options.ts';
import type { ProgramFile } from '../program/load-program.ts';
import { relativePath } from '../program/relative-path.ts';
import { ExpressionCompiler, type Evaluator, type LetBinding } from './compile-expression.ts';
import type {
  CheckFailure,
  CompiledLevy,
  CompiledRule,
  CompiledRulebook,
  EvalContext,
  SourceLocation,
} from './compiled-rulebook.ts';
import { EvalScope } from './eval-scope.ts';
import { exactRate, levyAmount } from './exact-rate.ts';
import { quoteValue, renderValue } from './runtime-values.ts';
import { isStuck } from './stuck.ts';

/**
 * Compiles a checked rulebook into closures (the `CompiledRulebook` contract). Call only on a program
 * without errors: the compiler trusts the checker (an unknown name still fails closed, never throws).
 * `entryPath` is the file paths in `source` and `imports` are made relative to.
 */
export function compileRulebook(
  rulebook: ResolvedRulebook,
  files: ReadonlyMap<string, ProgramFile>,
  entryPath: string,
): CompiledRulebook {
  const fileOf = (path: string): ProgramFile => {
    const file = files.get(path);
    if (!file) throw new Error(`compileRulebook: file '${path}' is not part of the program`);
    return file;
  };
  const locate = (path: string, span: Span): SourceLocation => {
    const { line, column } = fileOf(path).lines.position(span.start);
    return { file: relativePath(entryPath, path), line, col: column };
  };

  const bindings = new Map<string, LetBinding>();
  for (const [name, member] of rulebook.lets) bindings.set(name, { decl: member.decl, text: fileOf(member.file).text });
  const compiler = new ExpressionCompiler(bindings);

  const rules = rulebook.rules.map((member) => compileRule(member, compiler, fileOf(member.file).text, locate));
  const levies = rulebook.levies.map((member) => compileLevy(member, compiler, fileOf(member.file).text, locate));

  const options = {} as Record<OptionName, string>;
  for (const [name, option] of rulebook.options) options[name] = option.value;

  const declaring = fileOf(rulebook.file);
  const imports: Record<string, string> = {};
  for (const path of transitiveImports(declaring, files)) imports[relativePath(entryPath, path)] = fileOf(path).sha256;

  const rulesByTrigger = new Map<Trigger, CompiledRule[]>();
  for (const rule of rules) {
    for (const trigger of new Set(rule.triggers)) {
      const list = rulesByTrigger.get(trigger) ?? [];
      list.push(rule);
      rulesByTrigger.set(trigger, list);
    }
  }
  const leviesByTrigger = new Map<Trigger, CompiledLevy[]>();
  for (const levy of levies) {
    const list = leviesByTrigger.get(levy.trigger) ?? [];
    list.push(levy);
    leviesByTrigger.set(levy.trigger, list);
  }

  return {
    name: rulebook.name,
    title: rulebook.decl.title?.value ?? null,
    cites: rulebook.cites,
    file: relativePath(entryPath, rulebook.file),
    sha256: declaring.sha256,
    imports,
    options,
    levies,
    rules,
    rulesFor: (trigger) => rulesByTrigger.get(trigger) ?? [],
    leviesFor: (trigger) => leviesByTrigger.get(trigger) ?? [],
  };
}

type Locate = (path: string, span: Span) => SourceLocation;

function compileRule(member: EffectiveMember<RuleDecl>, compiler: ExpressionCompiler, text: string, locate: Locate): CompiledRule {
  const { decl, file } = member;
  const name = decl.name.name;
  const code = `rule.${name}`;
  const checks = decl.checks.map((check) => compileCheck(check, name, code, compiler, text, locate(file, check.span)));
  // A where that cannot be evaluated makes the rule apply and fail (fail closed); it rejects unless the
  // rule only has `expect`s, whose failures are findings.
  const whereMode = decl.checks.some((check) => check.mode === 'require') ? 'require' : 'expect';
  const where = decl.where ? compileWhere(decl.where, name, code, whereMode, compiler, text, locate(file, decl.where.span)) : null;
  return {
    name,
    title: decl.title?.value ?? null,
    triggers: decl.triggers.map((trigger) => trigger.name),
    source: locate(file, decl.span),
    evaluate(context: EvalContext): readonly CheckFailure[] {
      if (where) {
        const outcome = where(context);
        if (outcome === false) return [];
        if (outcome !== true) return [outcome];
      }
      const failures: CheckFailure[] = [];
      for (const check of checks) {
        const failure = check(context);
        if (failure) failures.push(failure);
      }
      return failures;
    },
  };
}

function compileWhere(
  where: Expr,
  rule: string,
  code: string,
  mode: 'require' | 'expect',
  compiler: ExpressionCompiler,
  text: string,
  source: SourceLocation,
): (context: EvalContext) => boolean | CheckFailure {
  const condition = compiler.compile(where, text);
  const conditionText = oneLine(text.slice(where.span.start, where.span.end));
  return (context) => {
    const scope = new EvalScope(context);
    scope.recorder = new Map();
    const value = condition(scope);
    if (value === true || value === false) return value;
    const reason = isStuck(value) ? value.reason : `${conditionText} is ${renderValue(value)}`;
    return { rule, mode, code, message: `where ${conditionText} failed: ${reason}`, source, values: scope.recordedJson() };
  };
}

function compileCheck(
  check: CheckDecl,
  rule: string,
  code: string,
  compiler: ExpressionCompiler,
  text: string,
  source: SourceLocation,
): (context: EvalContext) => CheckFailure | null {
  const condition = compiler.compile(check.condition, text);
  const conditionText = oneLine(text.slice(check.condition.span.start, check.condition.span.end));
  const message = check.message ? compileMessage(check.message, compiler, text) : null;
  const mode = check.mode;
  return (context) => {
    const scope = new EvalScope(context);
    scope.recorder = new Map();
    const value = condition(scope);
    if (value === true) return null;
    // Fail closed (docs/language.md): anything but true fails, and a missing value is named in the message.
    const reason = isStuck(value) ? value.reason : value === false ? null : `${conditionText} is ${renderValue(value)}`;
    const recorder = scope.recorder;
    let explanation: string;
    if (message) {
      const interpolated = message(scope);
      explanation = reason ? `${interpolated} (${reason})` : interpolated;
    } else if (reason) {
      explanation = `${mode} ${conditionText} failed: ${reason}`;
    } else {
      const shown = [...recorder].filter(([, entry]) => !entry.literal).map(([key, entry]) => `${oneLine(key)} = ${quoteValue(entry.value)}`);
      explanation = `${mode} ${conditionText} failed${shown.length > 0 ? `: ${shown.join(', ')}` : ''}`;
    }
    return { rule, mode, code, message: explanation, source, values: scope.recordedJson() };
  };
}

/** An `else` text with its `{expr}` holes; a hole that cannot be evaluated shows `none`. */
function compileMessage(template: MessageTemplate, compiler: ExpressionCompiler, text: string): (scope: EvalScope) => string {
  const parts: (string | Evaluator)[] = template.parts.map((part) => (typeof part === 'string' ? part : compiler.compile(part, text, false)));
  return (scope) => {
    const recorder = scope.recorder;
    // Holes explain the failure; they are not operands of the failing expression.
    scope.recorder = null;
    let out = '';
    for (const part of parts) {
      if (typeof part === 'string') out += part;
      else {
        const value = part(scope);
        out += isStuck(value) ? 'none' : renderValue(value);
      }
    }
    scope.recorder = recorder;
    return out;
  };
}

function compileLevy(member: EffectiveMember<LevyDecl>, compiler: ExpressionCompiler, text: string, locate: Locate): CompiledLevy {
  const { decl, file } = member;
  const rate = exactRate(decl.rate.text);
  const rounding = decl.rounding?.mode ?? 'down';
  const where = decl.where ? compiler.compile(decl.where, text, false) : null;
  return {
    name: decl.name.name,
    trigger: decl.trigger.name,
    rate,
    rounding,
    destination:
      decl.destination.kind === 'cancel' ? { kind: 'cancel' } : { kind: 'account', account: `LEVY:${decl.destination.account.name}` },
    source: locate(file, decl.span),
    // A levy whose where cannot be evaluated takes nothing (docs/language.md, "Expressions").
    applies: (context) => (where ? where(new EvalScope(context)) === true : true),
    amount: (quantity) => levyAmount(rate, rounding, quantity),
  };
}

/** Every file `file` imports, transitively, in first-reached order (host paths). */
export function transitiveImports(file: ProgramFile, files: ReadonlyMap<string, ProgramFile>): string[] {
  const reached: string[] = [];
  const visit = (current: ProgramFile): void => {
    for (const entry of current.imports) {
      if (!entry.found || entry.path === file.path || reached.includes(entry.path)) continue;
      const imported = files.get(entry.path);
      if (!imported) continue;
      reached.push(entry.path);
      visit(imported);
    }
  };
  visit(file);
  return reached;
}

/** Condition text in a generated message, on one line even when the source spans several. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
