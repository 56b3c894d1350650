import { KEYWORDS, OPTION_SPECS, TRIGGERS } from '@a6/dsl';
import type { monaco } from '../monaco/index.ts';

/** Built-in functions of dsl.md ("Context available in expressions"). */
const BUILTIN_FUNCTIONS = [
  'holdings', 'issued', 'first_transferred', 'used', 'acquired', 'inventory', 'authorized_total',
  'len', 'min', 'max', 'abs', 'year', 'party',
] as const;

/** The context roots an expression starts from (dsl.md, "Context available in expressions"). */
const CONTEXT_ROOTS = ['event', 'unit', 'activity', 'authorization'] as const;

const identifier = /[a-z_][a-z0-9_]*/;
const optionPath = /[a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)*/;

/**
 * The Monarch tokenizer: the fast, line-by-line colouring Monaco shows before the language worker
 * answers. Semantic tokens from the language service refine it (a `let` name vs. a context root);
 * this layer only needs to be right about lexical classes.
 */
export const a6MonarchTokens: monaco.languages.IMonarchLanguage = {
  defaultToken: 'invalid',
  tokenPostfix: '.a6',
  keywords: [...KEYWORDS],
  triggers: [...TRIGGERS],
  optionNames: OPTION_SPECS.map((spec) => spec.name),
  optionValues: [...new Set(OPTION_SPECS.flatMap((spec) => spec.values))],
  builtins: [...BUILTIN_FUNCTIONS],
  contextRoots: [...CONTEXT_ROOTS],
  brackets: [
    { open: '{', close: '}', token: 'delimiter.curly' },
    { open: '[', close: ']', token: 'delimiter.square' },
    { open: '(', close: ')', token: 'delimiter.parenthesis' },
  ],
  tokenizer: {
    root: [
      { include: '@whitespace' },
      // `option first_transfer.ndc = international_transfer`: the dotted path is one option name.
      [
        new RegExp(`(option)(\\s+)(${optionPath.source})(\\s*)(=)(\\s*)(${identifier.source})`),
        [
          'keyword',
          'white',
          { cases: { '@optionNames': 'type.option', '@default': 'identifier' } },
          'white',
          'operator',
          'white',
          { cases: { '@optionValues': 'constant.option', '@default': 'identifier' } },
        ],
      ],
      // Only an `else` string interpolates `{expr}` (dsl.md, Lexical); titles and cites do not.
      [/(else)(\s*)(")/, ['keyword', 'white', { token: 'string.quote', next: '@message' }]],
      { include: '@expression' },
    ],
    expression: [
      { include: '@whitespace' },
      [/\d{4}-\d{2}-\d{2}(?![\d_])/, 'number.date'],
      [/\d[\d_]*(?:\.\d[\d_]*)?%/, 'number.percent'],
      [/\d[\d_]*(?:\.\d[\d_]*)?/, 'number'],
      [/"/, { token: 'string.quote', next: '@string' }],
      // Any name may follow a `.`, keywords included (`event.from`, `event.to`).
      [new RegExp(`(\\.)(${identifier.source})`), ['delimiter', 'variable.field']],
      [
        identifier,
        {
          cases: {
            '@keywords': 'keyword',
            '@triggers': 'type.trigger',
            '@builtins': 'predefined',
            '@contextRoots': 'variable.predefined',
            '@default': 'identifier',
          },
        },
      ],
      [/[{}()[\]]/, '@brackets'],
      [/==|!=|<=|>=|[<>+\-*/=]/, 'operator'],
      [/,/, 'delimiter'],
    ],
    whitespace: [
      [/[ \t\r\n]+/, 'white'],
      [/\/\*/, 'comment', '@blockComment'],
      [/\/\/.*$/, 'comment'],
    ],
    blockComment: [
      [/[^*]+/, 'comment'],
      [/\*\//, 'comment', '@pop'],
      [/\*/, 'comment'],
    ],
    string: [
      [/[^\\"]+/, 'string'],
      [/\\["\\n]/, 'string.escape'],
      [/\\./, 'string.escape.invalid'],
      [/"/, { token: 'string.quote', next: '@pop' }],
    ],
    message: [
      [/[^\\"{}]+/, 'string'],
      [/\\["\\n]/, 'string.escape'],
      [/\\./, 'string.escape.invalid'],
      [/\{\{|\}\}/, 'string.escape'],
      [/\{/, { token: 'delimiter.interpolation', next: '@interpolation' }],
      [/\}/, 'string'],
      [/"/, { token: 'string.quote', next: '@pop' }],
    ],
    interpolation: [
      [/\}/, { token: 'delimiter.interpolation', next: '@pop' }],
      { include: '@expression' },
    ],
  },
};
