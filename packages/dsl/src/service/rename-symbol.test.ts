import { describe, expect, it } from 'vitest';
import type { RenameResult } from './service-types.ts';
import { serviceAt } from './marked-source.test-support.ts';

const BASE = [
  'rulebook base {',
  '  let cutoff = 2021',
  '  levy omge 2% on issuance cancel',
  '  rule vintage on use { require unit.vintage >= cutoff }',
  '}',
].join('\n');

/** Applies a rename's edits to the files, so the test reads the source after the rename. */
function applied(files: Record<string, string>, result: RenameResult): Record<string, string> {
  if (!result.ok) throw new Error(result.reason);
  const out: Record<string, string> = { ...files };
  for (const file of result.edits) {
    let text = out[file.path]!;
    for (const edit of [...file.edits].reverse()) text = text.slice(0, edit.span.start) + edit.newText + text.slice(edit.span.end);
    out[file.path] = text;
  }
  return out;
}

const rename = (files: Record<string, string>, newName: string) => {
  const { service, path, offset } = serviceAt(files);
  const plain = Object.fromEntries(Object.entries(files).map(([p, t]) => [p, t.replace('<|>', '')]));
  const result = service.rename(path, offset, newName);
  return { result, service, plain };
};

describe('rename', () => {
  it('renames a rulebook and every extends naming it, across files', () => {
    const { result, plain, service } = rename({ 'base.a6': BASE.replace('rulebook base', 'rulebook ba<|>se'), 'main.a6': 'import "base.a6"\nrulebook child extends base {}' }, 'glasgow');
    expect(result).toMatchInlineSnapshot(`
      {
        "edits": [
          {
            "edits": [
              {
                "newText": "glasgow",
                "span": {
                  "end": 13,
                  "start": 9,
                },
              },
            ],
            "path": "base.a6",
          },
          {
            "edits": [
              {
                "newText": "glasgow",
                "span": {
                  "end": 44,
                  "start": 40,
                },
              },
            ],
            "path": "main.a6",
          },
        ],
        "ok": true,
      }
    `);
    const after = applied(plain, result);
    expect(after['main.a6']).toBe('import "base.a6"\nrulebook child extends glasgow {}');
    for (const [path, text] of Object.entries(after)) service.documents.set(path, text);
    expect(service.diagnostics('main.a6')).toEqual([]);
  });

  it('renames a rule with its replacement and removes, keeping the program meaning the same', () => {
    const files = {
      'main.a6': `${BASE}\nrulebook child extends base {\n  rule vin<|>tage on use { require true }\n}\nrulebook other extends base {\n  remove rule vintage\n}`,
    };
    const { result, plain } = rename(files, 'vintage_2021');
    expect(applied(plain, result)['main.a6']).toMatchInlineSnapshot(`
      "rulebook base {
        let cutoff = 2021
        levy omge 2% on issuance cancel
        rule vintage_2021 on use { require unit.vintage >= cutoff }
      }
      rulebook child extends base {
        rule vintage_2021 on use { require true }
      }
      rulebook other extends base {
        remove rule vintage_2021
      }"
    `);
  });

  it('renames a let and its uses, including inside else messages', () => {
    const files = { 'main.a6': 'rulebook a {\n  let cut<|>off = 2021\n  rule x on use { require unit.vintage >= cutoff else "before {cutoff}" }\n}' };
    const { result, plain } = rename(files, 'first_year');
    expect(applied(plain, result)['main.a6']).toMatchInlineSnapshot(`
      "rulebook a {
        let first_year = 2021
        rule x on use { require unit.vintage >= first_year else "before {first_year}" }
      }"
    `);
  });

  it('refuses keywords, invalid identifiers and names already taken', () => {
    const files = { 'main.a6': `${BASE.replace('rule vintage', 'rule vin<|>tage')}` };
    expect(rename(files, 'where').result).toMatchInlineSnapshot(`
      {
        "ok": false,
        "reason": "'where' is a keyword (docs/language.md, Lexical): it cannot name a rule",
      }
    `);
    expect(rename(files, 'Vintage').result).toMatchInlineSnapshot(`
      {
        "ok": false,
        "reason": "'Vintage' is not an identifier: use lower-case letters, digits and '_', not starting with a digit",
      }
    `);
    expect(rename(files, '2021').result).toMatchInlineSnapshot(`
      {
        "ok": false,
        "reason": "'2021' is not an identifier: use lower-case letters, digits and '_', not starting with a digit",
      }
    `);
    const taken = { 'main.a6': 'rulebook a {\n  rule fi<|>rst on use { require true }\n  rule second on use { require true }\n}' };
    expect(rename(taken, 'second').result).toMatchInlineSnapshot(`
      {
        "ok": false,
        "reason": "rule 'second' already exists in rulebook 'a'",
      }
    `);
    const letRoot = { 'main.a6': 'rulebook a {\n  let cut<|>off = 1\n  rule x on use { require cutoff > 0 }\n}' };
    expect(rename(letRoot, 'unit').result).toMatchInlineSnapshot(`
      {
        "ok": false,
        "reason": "'unit' is a context value: a let cannot take its name",
      }
    `);
  });

  it('refuses what the ledger or the language defines', () => {
    const { service, path, offset } = serviceAt({ 'main.a6': 'rulebook a { rule x on use { require unit.vin<|>tage > 1 } }' });
    expect(service.prepareRename(path, offset)).toMatchInlineSnapshot(`
      {
        "ok": false,
        "reason": "'vintage' cannot be renamed: fields are defined by the ledger",
      }
    `);
    const keyword = serviceAt({ 'main.a6': 'rulebook a { rule x on use { req<|>uire true } }' });
    expect(keyword.service.prepareRename(keyword.path, keyword.offset)).toMatchInlineSnapshot(`
      {
        "ok": false,
        "reason": "'require' is a keyword and cannot be renamed",
      }
    `);
  });

  it('prepares a rename with the name under the cursor', () => {
    const { service, path, offset } = serviceAt({ 'main.a6': 'rulebook a { let li<|>m = 1 rule x on use { require lim > 0 } }' });
    expect(service.prepareRename(path, offset)).toEqual({ ok: true, span: { start: 17, end: 20 }, placeholder: 'lim' });
  });
});
