import { describe, expect, it } from 'vitest';
import { DefaultLanguageService } from './default-language-service.ts';
import type { CodeAction } from './service-types.ts';

function fixes(text: string): { service: DefaultLanguageService; actions: CodeAction[] } {
  const service = new DefaultLanguageService();
  service.documents.set('main.a6', text);
  return { service, actions: service.codeActions('main.a6', { start: 0, end: text.length }) };
}

const applyAction = (text: string, action: CodeAction): string => {
  let result = text;
  for (const edit of [...action.edits[0]!.edits].reverse()) result = result.slice(0, edit.span.start) + edit.newText + result.slice(edit.span.end);
  return result;
};

describe('code actions', () => {
  it('offers did-you-mean replacements for unknown fields, names, options and values', () => {
    const text = [
      'rulebook a {',
      '  option adjustment.objet = ndc_target',
      '  option a64.itmo = seperate',
      '  rule r on use { require unit.vintge >= 2021 and evnt.year > 2020 }',
      '}',
    ].join('\n');
    const { actions } = fixes(text);
    expect(actions.map((action) => `${action.fixes.code}: ${action.title}${action.preferred ? ' (preferred)' : ''}`)).toMatchInlineSnapshot(`
      [
        "dsl.unknown_option: Change to 'adjustment.object' (preferred)",
        "dsl.bad_option_value: Set to 'separate' (preferred)",
        "dsl.unknown_field: Change to 'vintage' (preferred)",
        "dsl.unknown_name: Change to 'event' (preferred)",
      ]
    `);
    const vintage = actions.find((action) => action.title === "Change to 'vintage'")!;
    expect(applyAction(text, vintage)).toContain('unit.vintage >= 2021');
  });

  it('removes an unused let with its line', () => {
    const text = 'rulebook a {\n  let unused = 1\n  rule r on use { require true }\n}';
    const { actions } = fixes(text);
    expect(actions.map((action) => action.title)).toEqual(["Remove unused let 'unused'"]);
    expect(applyAction(text, actions[0]!)).toBe('rulebook a {\n  rule r on use { require true }\n}');
  });

  it('removes a rule that never applies', () => {
    const text = 'rulebook a {\n  rule r on use where false { require true }\n  rule s on use { require true }\n}';
    const { actions } = fixes(text);
    expect(actions.map((action) => action.title)).toEqual(["Remove rule 'r' (it never applies)"]);
    expect(applyAction(text, actions[0]!)).toBe('rulebook a {\n  rule s on use { require true }\n}');
  });

  it('only answers for diagnostics in the range and with the asked codes', () => {
    const text = 'rulebook a {\n  let unused = 1\n  rule r on use { require unit.vintge > 1 }\n}';
    const service = new DefaultLanguageService();
    service.documents.set('main.a6', text);
    const onLet = service.codeActions('main.a6', { start: text.indexOf('unused'), end: text.indexOf('unused') });
    expect(onLet.map((action) => action.fixes.code)).toEqual(['dsl.unused_let']);
    const onlyFields = service.codeActions('main.a6', { start: 0, end: text.length }, ['dsl.unknown_field']);
    expect(onlyFields.map((action) => action.title)).toEqual(["Change to 'vintage'"]);
  });
});
