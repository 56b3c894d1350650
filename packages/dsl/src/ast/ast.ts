/**
 * The rulebook AST. Every node carries `span`: UTF-16 offsets [start, end) into the file text it was
 * parsed from. Nodes are plain JSON-friendly data so they can cross a worker boundary.
 */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface Identifier {
  readonly kind: 'Identifier';
  readonly name: string;
  readonly span: Span;
}

export interface Comment {
  readonly kind: 'Comment';
  /** The exact comment text, including `//` or the delimiters of a block comment. */
  readonly text: string;
  readonly block: boolean;
  readonly span: Span;
}

export interface RulebookFile {
  readonly kind: 'File';
  /** Path of the file as the host names it (used in diagnostics and for resolving imports). */
  readonly path: string;
  readonly imports: readonly ImportDecl[];
  readonly rulebooks: readonly RulebookDecl[];
  readonly comments: readonly Comment[];
  readonly span: Span;
}

export interface ImportDecl {
  readonly kind: 'Import';
  readonly path: StringLiteral;
  readonly span: Span;
}

export interface RulebookDecl {
  readonly kind: 'Rulebook';
  readonly name: Identifier;
  readonly parent: Identifier | null;
  readonly title: StringLiteral | null;
  readonly members: readonly Member[];
  readonly span: Span;
}

export type Member = CiteDecl | OptionDecl | LevyDecl | RuleDecl | RemoveDecl | LetDecl;

export interface CiteDecl {
  readonly kind: 'Cite';
  readonly text: StringLiteral;
  readonly span: Span;
}

export interface OptionDecl {
  readonly kind: 'Option';
  /** `first_transfer.ndc` → two identifiers. */
  readonly path: readonly Identifier[];
  readonly value: Identifier | NumberLiteral | PercentLiteral;
  readonly span: Span;
}

export type Rounding = 'down' | 'up' | 'nearest';

export interface LevyDecl {
  readonly kind: 'Levy';
  readonly name: Identifier;
  readonly rate: PercentLiteral;
  /** null when the source says nothing (the engine's default is `down`). */
  readonly rounding: { readonly mode: Rounding; readonly span: Span } | null;
  readonly trigger: TriggerRef;
  readonly where: Expr | null;
  /** `to NAME` moves levied units to `LEVY:NAME`; `cancel` cancels them (reason `omge`). */
  readonly destination:
    | { readonly kind: 'account'; readonly account: Identifier; readonly span: Span }
    | { readonly kind: 'cancel'; readonly span: Span };
  readonly span: Span;
}

export interface RuleDecl {
  readonly kind: 'Rule';
  readonly name: Identifier;
  readonly title: StringLiteral | null;
  readonly triggers: readonly TriggerRef[];
  readonly where: Expr | null;
  readonly checks: readonly CheckDecl[];
  readonly span: Span;
}

export interface RemoveDecl {
  readonly kind: 'Remove';
  readonly target: 'rule' | 'levy';
  readonly name: Identifier;
  readonly span: Span;
}

export interface LetDecl {
  readonly kind: 'Let';
  readonly name: Identifier;
  readonly value: Expr;
  readonly span: Span;
}

export const TRIGGERS = [
  'registration',
  'transition',
  'authorization',
  'revocation',
  'issuance',
  'transfer',
  'international_transfer',
  'first_transfer',
  'use',
  'cancellation',
  'inventory',
] as const;
export type Trigger = (typeof TRIGGERS)[number];

/** Triggers whose rules and levies run once per unit fragment (docs/language.md, Granularity). */
export const UNIT_TRIGGERS: readonly Trigger[] = [
  'issuance',
  'transfer',
  'international_transfer',
  'first_transfer',
  'use',
  'cancellation',
];

export interface TriggerRef {
  readonly kind: 'Trigger';
  readonly name: Trigger;
  readonly span: Span;
}

export interface CheckDecl {
  readonly kind: 'Check';
  readonly mode: 'require' | 'expect';
  readonly condition: Expr;
  readonly message: MessageTemplate | null;
  readonly span: Span;
}

/** An `else` string: literal text and `{expr}` holes, in order. `{{` / `}}` are already unescaped. */
export interface MessageTemplate {
  readonly kind: 'Message';
  readonly parts: readonly (string | Expr)[];
  /** The literal as written, quotes included. */
  readonly raw: string;
  readonly span: Span;
}

export type Expr =
  | BinaryExpr
  | UnaryExpr
  | MemberExpr
  | CallExpr
  | NameExpr
  | NumberLiteral
  | PercentLiteral
  | DateLiteral
  | StringLiteral
  | BooleanLiteral
  | NoneLiteral
  | ListLiteral;

export type BinaryOperator =
  | 'or'
  | 'and'
  | '=='
  | '!='
  | '<'
  | '<='
  | '>'
  | '>='
  | 'in'
  | 'not in'
  | '+'
  | '-'
  | '*'
  | '/';

export interface BinaryExpr {
  readonly kind: 'Binary';
  readonly operator: BinaryOperator;
  readonly left: Expr;
  readonly right: Expr;
  readonly span: Span;
}

export interface UnaryExpr {
  readonly kind: 'Unary';
  readonly operator: 'not' | '-';
  readonly operand: Expr;
  readonly span: Span;
}

export interface MemberExpr {
  readonly kind: 'Member';
  readonly object: Expr;
  /** Any name may follow a `.`, keywords included (`event.from`). */
  readonly field: Identifier;
  readonly span: Span;
}

export interface CallExpr {
  readonly kind: 'Call';
  /** Built-in functions are called by name only (`holdings(x)`), so the callee is an identifier. */
  readonly callee: Identifier;
  readonly args: readonly Expr[];
  readonly span: Span;
}

export interface NameExpr {
  readonly kind: 'Name';
  readonly name: string;
  readonly span: Span;
}

export interface NumberLiteral {
  readonly kind: 'Number';
  /** Source text with `_` removed (`1_000_000` → `"1000000"`); exact decimal. */
  readonly text: string;
  readonly value: number;
  readonly span: Span;
}

export interface PercentLiteral {
  readonly kind: 'Percent';
  /** The number before `%`, `_` removed (`5%` → `"5"`, `2.5%` → `"2.5"`). */
  readonly text: string;
  /** `text / 100` as a double, for display and expression arithmetic; levies use `text` exactly. */
  readonly value: number;
  readonly span: Span;
}

export interface DateLiteral {
  readonly kind: 'Date';
  /** `YYYY-MM-DD`. */
  readonly value: string;
  readonly span: Span;
}

export interface StringLiteral {
  readonly kind: 'String';
  /** The unescaped value. */
  readonly value: string;
  readonly span: Span;
}

export interface BooleanLiteral {
  readonly kind: 'Boolean';
  readonly value: boolean;
  readonly span: Span;
}

export interface NoneLiteral {
  readonly kind: 'None';
  readonly span: Span;
}

export interface ListLiteral {
  readonly kind: 'List';
  readonly items: readonly Expr[];
  readonly span: Span;
}

export const KEYWORDS = [
  'rulebook', 'extends', 'import', 'cite', 'option', 'levy', 'rule', 'remove', 'let', 'on', 'where',
  'require', 'expect', 'else', 'rounded', 'up', 'down', 'nearest', 'to', 'cancel', 'and', 'or', 'not',
  'in', 'true', 'false', 'none',
] as const;
