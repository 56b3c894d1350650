import { describe, expect, it } from 'vitest';
import { serviceAt } from './marked-source.test-support.ts';

const BASE = [
  'rulebook base {',
  '  let cutoff = 2021',
  '  levy omge 2% on issuance cancel',
  '  rule vintage on use { require unit.vintage >= cutoff }',
  '}',
].join('\n');

/** `path:line:text` of each location, readable in a snapshot. */
function describeLocations(service: ReturnType<typeof serviceAt>['service'], locations: readonly { path: string; span: { start: number; end: number } }[]): string[] {
  return locations.map(({ path, span }) => {
    const text = service.documents.read(path) ?? '';
    const line = service.positions(path).lineColumnAt(span.start).line;
    return `${path}:${line} ${text.slice(span.start, span.end)}`;
  });
}

describe('definition', () => {
  it('goes from extends to the rulebook in an imported file', () => {
    const { service, path, offset } = serviceAt({ 'base.a6': BASE, 'main.a6': 'import "base.a6"\nrulebook child extends ba<|>se {}' });
    expect(describeLocations(service, service.definition(path, offset))).toEqual(['base.a6:1 base']);
  });

  it('goes from remove to the inherited rule, and from a let use to the let', () => {
    const removing = serviceAt({ 'base.a6': BASE, 'main.a6': 'import "base.a6"\nrulebook child extends base { remove levy om<|>ge }' });
    expect(describeLocations(removing.service, removing.service.definition(removing.path, removing.offset))).toEqual(['base.a6:3 omge']);
    const using = serviceAt({ 'main.a6': BASE.replace('>= cutoff', '>= cut<|>off') });
    expect(describeLocations(using.service, using.service.definition(using.path, using.offset))).toEqual(['main.a6:2 cutoff']);
  });

  it('goes from an import to the imported file', () => {
    const { service, path, offset } = serviceAt({ 'lib/base.a6': BASE, 'main.a6': 'import "lib/ba<|>se.a6"\nrulebook child extends base {}' });
    expect(service.definition(path, offset)).toEqual([{ path: 'lib/base.a6', span: { start: 0, end: 0 } }]);
  });

  it('has no definition for built-ins and context values', () => {
    const { service, path, offset } = serviceAt({ 'main.a6': 'rulebook a { rule x on use { require un<|>it.itmo } }' });
    expect(service.definition(path, offset)).toEqual([]);
  });
});

describe('references', () => {
  it('finds a rule in its declaration, replacements and removes across files', () => {
    const files = {
      'base.a6': BASE.replace('rule vintage', 'rule vin<|>tage'),
      'child.a6': 'import "base.a6"\nrulebook child extends base {\n  rule vintage on use { require true }\n}',
      'other.a6': 'import "base.a6"\nrulebook other extends base {\n  remove rule vintage\n}',
    };
    const { service, path, offset } = serviceAt(files);
    expect(describeLocations(service, service.references(path, offset, { includeDeclaration: true }))).toMatchInlineSnapshot(`
      [
        "base.a6:4 vintage",
        "child.a6:3 vintage",
        "other.a6:3 vintage",
      ]
    `);
    expect(describeLocations(service, service.references(path, offset, { includeDeclaration: false }))).toMatchInlineSnapshot(`
      [
        "other.a6:3 vintage",
      ]
    `);
  });

  it('links a let to the child let that replaces it and the uses checked against either', () => {
    const files = {
      'main.a6': `${BASE.replace('let cutoff', 'let cut<|>off')}\nrulebook child extends base {\n  let cutoff = 2022\n}`,
    };
    const { service, path, offset } = serviceAt(files);
    expect(describeLocations(service, service.references(path, offset, { includeDeclaration: true }))).toMatchInlineSnapshot(`
      [
        "main.a6:2 cutoff",
        "main.a6:4 cutoff",
        "main.a6:7 cutoff",
      ]
    `);
  });

  it('does not link a removed-then-redeclared levy to the parent one', () => {
    const files = { 'main.a6': `${BASE.replace('levy omge', 'levy om<|>ge')}\nrulebook child extends base {\n  remove levy omge\n  levy omge 2% on use cancel\n}` };
    const { service, path, offset } = serviceAt(files);
    expect(describeLocations(service, service.references(path, offset, { includeDeclaration: true }))).toEqual(['main.a6:3 omge', 'main.a6:7 omge']);
  });
});
