import type { monaco } from '../monaco/index.ts';

export const A6_LIGHT_THEME = 'a6-light';
export const A6_DARK_THEME = 'a6-dark';

/**
 * Token colours for the Monarch classes (`type.trigger.a6`, `constant.option.a6`, …) and the
 * semantic token types the language service reports. Colours were picked for ≥ 4.5:1 contrast on
 * each theme's background.
 */
const lightRules: monaco.editor.ITokenThemeRule[] = [
  { token: 'keyword', foreground: '0b4fa8', fontStyle: 'bold' },
  { token: 'type.trigger', foreground: '8a3b00' },
  { token: 'type.option', foreground: '6b2fa0' },
  { token: 'constant.option', foreground: '1f6f43' },
  { token: 'number', foreground: '1f6f43' },
  { token: 'number.date', foreground: '7a5a00' },
  { token: 'number.percent', foreground: '1f6f43', fontStyle: 'bold' },
  { token: 'string', foreground: 'a31515' },
  { token: 'string.escape', foreground: '8a3b00' },
  { token: 'delimiter.interpolation', foreground: '0b4fa8', fontStyle: 'bold' },
  { token: 'variable.predefined', foreground: '005f73' },
  { token: 'variable.field', foreground: '374151' },
  { token: 'predefined', foreground: '795e26' },
  { token: 'comment', foreground: '5f6b5f', fontStyle: 'italic' },
  { token: 'invalid', foreground: 'c00000', fontStyle: 'underline' },
  // Semantic token types (language service legend).
  { token: 'rulebook', foreground: '6b2fa0', fontStyle: 'bold' },
  { token: 'rule', foreground: '8a3b00', fontStyle: 'bold' },
  { token: 'levy', foreground: '8a3b00', fontStyle: 'bold' },
  { token: 'variable', foreground: '001080' },
  { token: 'property', foreground: '374151' },
  { token: 'function', foreground: '795e26' },
  { token: 'enumMember', foreground: '1f6f43' },
  // The language service's legend uses LSP's standard names: rulebooks are classes, rules and levies types.
  { token: 'class', foreground: '6b2fa0', fontStyle: 'bold' },
  { token: 'type', foreground: '8a3b00', fontStyle: 'bold' },
  { token: 'parameter', foreground: '005f73' },
  { token: 'event', foreground: '8a3b00' },
  { token: 'operator', foreground: '374151' },
];

const darkRules: monaco.editor.ITokenThemeRule[] = [
  { token: 'keyword', foreground: '7cb7ff', fontStyle: 'bold' },
  { token: 'type.trigger', foreground: 'f0a35e' },
  { token: 'type.option', foreground: 'd2a8ff' },
  { token: 'constant.option', foreground: '7ee2a8' },
  { token: 'number', foreground: 'b5e3b5' },
  { token: 'number.date', foreground: 'e6cc77' },
  { token: 'number.percent', foreground: 'b5e3b5', fontStyle: 'bold' },
  { token: 'string', foreground: 'f2a1a1' },
  { token: 'string.escape', foreground: 'f0a35e' },
  { token: 'delimiter.interpolation', foreground: '7cb7ff', fontStyle: 'bold' },
  { token: 'variable.predefined', foreground: '6fd3e0' },
  { token: 'variable.field', foreground: 'd0d7de' },
  { token: 'predefined', foreground: 'e8d88a' },
  { token: 'comment', foreground: '9aa59a', fontStyle: 'italic' },
  { token: 'invalid', foreground: 'ff7b72', fontStyle: 'underline' },
  { token: 'rulebook', foreground: 'd2a8ff', fontStyle: 'bold' },
  { token: 'rule', foreground: 'f0a35e', fontStyle: 'bold' },
  { token: 'levy', foreground: 'f0a35e', fontStyle: 'bold' },
  { token: 'variable', foreground: '9cdcfe' },
  { token: 'property', foreground: 'd0d7de' },
  { token: 'function', foreground: 'e8d88a' },
  { token: 'enumMember', foreground: '7ee2a8' },
  { token: 'class', foreground: 'd2a8ff', fontStyle: 'bold' },
  { token: 'type', foreground: 'f0a35e', fontStyle: 'bold' },
  { token: 'parameter', foreground: '6fd3e0' },
  { token: 'event', foreground: 'f0a35e' },
  { token: 'operator', foreground: 'd0d7de' },
];

export const a6LightTheme: monaco.editor.IStandaloneThemeData = {
  base: 'vs',
  inherit: true,
  rules: lightRules,
  colors: { 'editor.background': '#fcfcfd' },
};

export const a6DarkTheme: monaco.editor.IStandaloneThemeData = {
  base: 'vs-dark',
  inherit: true,
  rules: darkRules,
  colors: { 'editor.background': '#16181d' },
};
