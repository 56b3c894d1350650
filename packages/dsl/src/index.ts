// The browser-safe face of the language: nothing here imports node:*. Node-only pieces (a file-system
// source host) are under the `@a6/dsl/node` entry.
export { TRIGGERS, UNIT_TRIGGERS, KEYWORDS } from './ast/index.ts';
export type {
  Span, Identifier, Comment, RulebookFile, ImportDecl, RulebookDecl, Member, CiteDecl, OptionDecl, Rounding,
  LevyDecl, RuleDecl, RemoveDecl, LetDecl, Trigger, TriggerRef, CheckDecl, MessageTemplate, Expr,
  BinaryOperator, BinaryExpr, UnaryExpr, MemberExpr, CallExpr, NameExpr, NumberLiteral, PercentLiteral,
  DateLiteral, StringLiteral, BooleanLiteral, NoneLiteral, ListLiteral,
} from './ast/index.ts';
export { makeDiagnostic, formatDiagnostic, DIAGNOSTIC_CODES, LineIndex } from './diagnostics/index.ts';
export type {
  DiagnosticCode, Severity, LineColumn, DiagnosticData, Diagnostic,
} from './diagnostics/index.ts';
export { defaultOptions, findOption, OPTION_SPECS } from './options/index.ts';
export type { OptionSpec, OptionName } from './options/index.ts';
export { parseRulebookFile, IncrementalParser, ParseCache, changedRegion } from './parse/index.ts';
export type { ParseResult, ParseFunction } from './parse/index.ts';
export {
  typeToString, isCompatible, suggestNames, didYouMean, findContextField, findContextRoot, CONTEXT_ROOTS,
  RECORD_FIELDS, findBuiltinFunction, BUILTIN_FUNCTIONS, ResolvedProgram, checkProgram,
} from './check/index.ts';
export type {
  StaticType, RecordKind, ContextField, ContextRoot, BuiltinParameter, BuiltinFunction, EffectiveMember,
  EffectiveOption, ResolvedRulebook, SymbolTarget, SymbolReference, CheckResult,
} from './check/index.ts';
export {
  ExpressionCompiler, EvalScope, Stuck, isStuck, exactRate, levyAmount, ratesExceedWhole, valuesEqual,
  toJsonValue, renderValue, compileRulebook, loadRulebook, DateValue, RecordValue,
} from './compile/index.ts';
export type {
  Evaluator, LetBinding, RecordedValue, LoadRulebookResult, Value, JsonValue, RootName, EvalContext,
  SourceLocation, CheckFailure, CompiledRule, ExactRate, CompiledLevy, CompiledRulebook,
} from './compile/index.ts';
export {
  memorySourceHost, resolveImportPath, normalizePath, dirname, relativePath, sha256Text, loadProgram,
} from './program/index.ts';
export type {
  SourceHost, LoadedProgram, LoadProgramOptions, ProgramFile, ResolvedImport,
} from './program/index.ts';
export { formatRulebookFile } from './format/index.ts';
export type { FormatResult } from './format/index.ts';
export {
  DefaultLanguageService, DocumentSet, ProgramSnapshot, TextPositions, SEMANTIC_TOKEN_LEGEND,
  encodeSemanticTokens, tokenizeSource,
} from './service/index.ts';
export type {
  LanguageService, LanguageServiceHost, OpenDocument, DocumentChange, LspPosition, LspRange,
  LineColumnPosition, SemanticToken, SemanticTokenType, SemanticTokenModifier, SourceToken, SourceTokenKind,
  SpanLocation, SpanEdit, FileEdits, CompletionKind, CompletionItem, HoverInfo, SymbolKind, DocumentSymbol,
  FoldingRange, CodeAction, RenameResult, PrepareRenameResult, ReferenceOptions,
} from './service/index.ts';
export {
  diffRulebooks, normalExpr, normalCheck, normalMessage, optionReach, triggerReach, renderRulebookDiffText, differenceLines,
  changeSummary, levyText, ruleSource, DIFF_FORMAT,
} from './diff/index.ts';
export type {
  DiffSide, LetTable, ChangeReach, OptionReach, CheckView, DeclaredAt, DiffRulebook, DiffSideName, LevyAspect,
  LevyDifference, LevyOrderDifference, LevyView, MemberChange, OptionDifference, OptionSide, RuleAspect,
  RuleDifference, RuleView, RulebookDiff, RulebookDifference,
} from './diff/index.ts';
