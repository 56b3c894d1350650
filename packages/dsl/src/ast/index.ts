export { TRIGGERS, UNIT_TRIGGERS, KEYWORDS } from './ast.ts';
export type {
  Span, Identifier, Comment, RulebookFile, ImportDecl, RulebookDecl, Member, CiteDecl, OptionDecl, Rounding,
  LevyDecl, RuleDecl, RemoveDecl, LetDecl, Trigger, TriggerRef, CheckDecl, MessageTemplate, Expr,
  BinaryOperator, BinaryExpr, UnaryExpr, MemberExpr, CallExpr, NameExpr, NumberLiteral, PercentLiteral,
  DateLiteral, StringLiteral, BooleanLiteral, NoneLiteral, ListLiteral,
} from './ast.ts';
