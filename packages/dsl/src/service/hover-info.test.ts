import { describe, expect, it } from 'vitest';
import { serviceAt } from './marked-source.test-support.ts';

const hover = (files: Record<string, string> | string): string | undefined => {
  const { service, path, offset } = serviceAt(typeof files === 'string' ? { 'main.a6': files } : files);
  return service.hover(path, offset)?.contents;
};

describe('hover', () => {
  it('shows an option with its doc, values and seed-paper item', () => {
    expect(hover('rulebook a { option adjustment.ob<|>ject = ndc_target }')).toMatchInlineSnapshot(`
      "**option adjustment.object**

      What the corresponding adjustment is applied to: the emissions balance (adopted, 2/CMA.3 annex para 8) or the NDC target level.

      Seed paper item 3(a): Corresponding adjustments, object: adjust the NDC target level ("pre-emissions") vs the emissions inventory (the adopted "emissions balance").

      - \`emissions_balance\` (default): Adjust the inventory emissions covered by the NDC (\`emissions_balance\` = inventory + adjustment).
      - \`ndc_target\`: Adjust the NDC target level (\`adjusted_target\` = target − adjustment)."
    `);
  });

  it('shows an option value with its meaning', () => {
    expect(hover('rulebook a { option a64.itmo = sep<|>arate }')?.split('\n---')[0]).toMatchInlineSnapshot(`
      "**separate**: a value of \`a64.itmo\`

      Never ITMOs; reported in \`a64_first_transferred\` / \`a64_used\`.
      "
    `);
  });

  it('shows a field with its type, doc and triggers', () => {
    expect(hover('rulebook a { rule x on transition { require event.requested_<|>on <= 2023-12-31 } }')).toMatchInlineSnapshot(`
      "**event.requested_on**: date

      The day the CDM transition was requested (3/CMA.3 annex: by 31 Dec 2023).

      Available at: \`transition\`."
    `);
  });

  it('shows a context value and a built-in function', () => {
    expect(hover('rulebook a { rule x on use { require un<|>it.itmo } }')).toMatchInlineSnapshot(`
      "**unit** (context): unit

      The unit fragment being decided: a maximal part of a listed range with uniform attributes (docs/language.md, Granularity).

      Available at the unit triggers."
    `);
    expect(hover('rulebook a { rule x on use { require hold<|>ings(unit.host) > 0 } }')).toMatchInlineSnapshot(`
      "\`\`\`a6
      holdings(party_or_account: string | account): number
      \`\`\`
      Units held by a Party (all its accounts) or by one account.

      Built-in functions see the ledger state *before* the current event, under this rulebook."
    `);
  });

  it('summarises rules, levies, lets and rulebooks where they are named', () => {
    const base = 'rulebook base "the base" {\n  cite "Decision 2/CMA.3"\n  option adjustment.object = ndc_target\n  let cutoff = 2021\n  levy omge 2% rounded up on issuance cancel\n  rule vintage "mitigation from 2021 on" on first_transfer, use {\n    require unit.vintage >= cutoff\n  }\n}\n';
    expect(hover({ 'base.a6': base, 'main.a6': 'import "base.a6"\nrulebook child extends ba<|>se {}' })).toMatchInlineSnapshot(`
      "\`\`\`a6
      rulebook base "the base"
      \`\`\`
      Rulebook in base.a6: 1 rule, 1 levy, 1 let.

      Options set: \`adjustment.object = ndc_target\`.

      Cites: “Decision 2/CMA.3”."
    `);
    expect(hover({ 'base.a6': base, 'main.a6': 'import "base.a6"\nrulebook child extends base { remove rule vin<|>tage }' })).toMatchInlineSnapshot(`
      "\`\`\`a6
      rule vintage "mitigation from 2021 on" on first_transfer, use
      \`\`\`
      Rule of rulebook \`base\` (base.a6), 1 check."
    `);
    expect(hover({ 'base.a6': base, 'main.a6': 'import "base.a6"\nrulebook child extends base { remove levy om<|>ge }' })).toMatchInlineSnapshot(`
      "\`\`\`a6
      levy omge 2% rounded up on issuance cancel
      \`\`\`
      Levy of rulebook \`base\` (base.a6)."
    `);
    expect(hover({ 'main.a6': base.replace('>= cutoff', '>= cut<|>off') })).toMatchInlineSnapshot(`
      "\`\`\`a6
      let cutoff = 2021
      \`\`\`
      Let of rulebook \`base\` (main.a6), type number; evaluated where it is used."
    `);
  });

  it('explains keywords, triggers and levy accounts', () => {
    expect(hover('rulebook a { rule x on use { exp<|>ect true } }')).toMatchInlineSnapshot(`
      "**expect** (keyword)

      A check recorded as a finding when it fails; the event still takes effect."
    `);
    expect(hover('rulebook a { rule x on first_tr<|>ansfer { require true } }')).toMatchInlineSnapshot(`
      "**first_transfer** (trigger · unit trigger)

      Derived: fires for each unit range at the moment it becomes first transferred under this rulebook's \`first_transfer.*\` options (2/CMA.3 annex para 2(b)); only on the units the levies left."
    `);
    expect(hover('rulebook a { levy sop 5% on issuance to adaptation_<|>fund }')).toMatchInlineSnapshot(`
      "**levy account** \`LEVY:adaptation_fund\`

      Levied units move here. \`LEVY\` is a reserved registry whose accounts exist implicitly and have no Party."
    `);
  });

  it('has nothing to say about punctuation or unknown names', () => {
    expect(hover('rulebook a {<|> }')).toBeUndefined();
    expect(hover('rulebook a { rule x on use { require mystery<|> } }')).toBeUndefined();
  });
});
