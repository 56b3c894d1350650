import { describe, expect, it } from 'vitest';
import { memorySourceHost } from '../program/source-host.ts';
import { checkProgram } from './check-program.ts';
import { DSL_EXAMPLE } from './spec-examples.test-support.ts';

function resolve(files: Record<string, string>, entry = Object.keys(files)[0]!) {
  const { diagnostics, program } = checkProgram(memorySourceHost(files), [entry]);
  const named = (name: string) => {
    const rulebook = program.rulebooks.find((candidate) => candidate.name === name);
    if (!rulebook) throw new Error(`no rulebook ${name}`);
    return rulebook;
  };
  return { diagnostics, program, named };
}

const BASE = `rulebook base "the base" {
  cite "Decision 2/CMA.3"
  option adjustment.transferor = on_transfer
  let floor = 2021
  levy sop 5% on issuance to adaptation_fund
  levy omge 2% on issuance cancel
  rule first on use { require unit.vintage >= floor }
  rule second on use { require true }
  rule third on use { require true }
}
`;

describe('inheritance (docs/language.md, Inheritance)', () => {
  it('a child starts with the parent options, levies, rules and lets; same names replace in place; new ones append', () => {
    const { diagnostics, named } = resolve({
      'main.a6': `${BASE}
rulebook child extends base {
  cite "Decision 3/CMA.3"
  option adjustment.acquirer = on_acquisition
  let floor = 2016
  rule second on transfer { require false }
  rule fourth on use { require true }
  levy sop 4% on issuance to adaptation_fund
}`,
    });
    expect(diagnostics).toEqual([]);
    const child = named('child');
    expect(child.parent?.name).toBe('base');
    expect(child.cites).toEqual(['Decision 2/CMA.3', 'Decision 3/CMA.3']);
    expect(child.options.get('adjustment.transferor')?.value).toBe('on_transfer');
    expect(child.options.get('adjustment.acquirer')).toMatchObject({ value: 'on_acquisition', rulebook: 'child' });
    expect(child.options.get('a64.itmo')).toMatchObject({ value: 'on_first_transfer', decl: null });
    expect(child.rules.map((rule) => `${rule.name}@${rule.rulebook}`)).toEqual(['first@base', 'second@child', 'third@base', 'fourth@child']);
    expect(child.levies.map((levy) => `${levy.name}@${levy.rulebook}`)).toEqual(['sop@child', 'omge@base']);
    expect(child.lets.get('floor')?.rulebook).toBe('child');
    expect(named('base').rules.map((rule) => rule.name)).toEqual(['first', 'second', 'third']);
  });

  it('remove drops an inherited member, after which the child may declare a new one of that name (appended)', () => {
    const { diagnostics, named } = resolve({
      'main.a6': `${BASE}
rulebook child extends base {
  remove rule first
  remove levy omge
  rule first on transfer { require true }
  levy omge 2% rounded up on use where unit.itmo cancel
}`,
    });
    expect(diagnostics).toEqual([]);
    const child = named('child');
    expect(child.rules.map((rule) => `${rule.name}@${rule.rulebook}`)).toEqual(['second@base', 'third@base', 'first@child']);
    expect(child.levies.map((levy) => `${levy.name}:${levy.decl.trigger.name}`)).toEqual(['sop:issuance', 'omge:use']);
  });

  it('inherits through several generations and across imports', () => {
    const { diagnostics, named } = resolve({
      'rulebooks/variant.a6': `import "../lib/base.a6"
rulebook middle extends base { remove rule third }
rulebook leaf extends middle { rule fifth on use { require true } }`,
      'lib/base.a6': BASE,
    });
    expect(diagnostics).toEqual([]);
    expect(named('leaf').rules.map((rule) => `${rule.name}@${rule.file}`)).toEqual([
      'first@lib/base.a6',
      'second@lib/base.a6',
      'fifth@rulebooks/variant.a6',
    ]);
  });

  it('the docs/language.md variants resolve as the spec describes', () => {
    const { diagnostics, named } = resolve({ 'glasgow.a6': DSL_EXAMPLE });
    expect(diagnostics).toEqual([]);
    const omge = named('omge_at_use');
    expect(omge.levies.map((levy) => `${levy.name}:${levy.decl.trigger.name}`)).toEqual([
      'share_of_proceeds:issuance',
      'omge:use',
    ]);
    expect(omge.options.get('adjustment.transferor')?.value).toBe('on_use');
    expect(named('within_ndc_only').rules.map((rule) => rule.name)).toEqual([
      'vintage_2021',
      'authorized_first',
      'cdm_window',
      'cer_first_ndc',
      'ndc_scope',
    ]);
  });

  it('a replaced let changes what inherited rules see, and the parent let is still used by the parent', () => {
    const { diagnostics } = resolve({
      'main.a6': `${BASE}
rulebook child extends base { let floor = "text" }`,
    });
    // The parent's rule compares a number with the child's string let: reported at the inherited rule.
    expect(diagnostics.map((d) => `${d.code} ${d.start.line}:${d.start.column} ${d.message}`)).toEqual([
      'dsl.type_mismatch 7:31 cannot compare number with string',
    ]);
  });
});

describe('the resolved model a language service reuses', () => {
  const source = `${BASE}
rulebook child extends base {
  remove rule third
  rule fourth on use where unit.vintage > floor { require holdings(unit.holder) > 0 }
}`;
  const { program } = resolve({ 'main.a6': source });
  const at = (needle: string, occurrence = 0) => {
    let offset = -1;
    for (let i = 0; i <= occurrence; i++) offset = source.indexOf(needle, offset + 1);
    return program.referenceAt('main.a6', offset);
  };

  it('links extends, remove and let uses to their declarations', () => {
    expect(at('base {')?.target).toMatchObject({ kind: 'rulebook', name: 'base', span: { start: source.indexOf('base') } });
    expect(at('third', 1)?.target).toMatchObject({ kind: 'rule', name: 'third', rulebook: 'base', span: { start: source.indexOf('third') } });
    expect(at('floor', 2)?.target).toMatchObject({ kind: 'let', name: 'floor', span: { start: source.indexOf('floor') } });
  });

  it('knows context names, fields, functions and options with their types and docs', () => {
    expect(at('unit.vintage > floor')?.target).toMatchObject({ kind: 'root', name: 'unit' });
    expect(at('vintage > floor')).toMatchObject({ target: { kind: 'field', record: 'unit', name: 'vintage' }, type: { kind: 'number' } });
    expect(at('holdings')?.target).toMatchObject({ kind: 'function', name: 'holdings' });
    expect(at('holder')).toMatchObject({ target: { kind: 'field', name: 'holder' }, type: { kind: 'record', record: 'account' } });
    expect(at('transferor')?.target).toMatchObject({ kind: 'option', name: 'adjustment.transferor' });
    expect(at('on_transfer')?.target).toMatchObject({ kind: 'option_value', name: 'on_transfer' });
  });

  it('finds every occurrence of a declaration for rename', () => {
    const floorSpan = { start: source.indexOf('floor'), end: source.indexOf('floor') + 'floor'.length };
    expect(program.referencesTo('main.a6', floorSpan).map((reference) => reference.span.start)).toEqual([
      source.indexOf('floor'),
      source.indexOf('floor', source.indexOf('floor') + 1),
      source.lastIndexOf('floor'),
    ]);
  });

  it('gives every expression a static type', () => {
    const rule = program.rulebooks[1]!.rules.find((r) => r.name === 'fourth')!;
    expect(program.typeOf(rule.decl.where!)).toEqual({ kind: 'bool' });
  });
});
