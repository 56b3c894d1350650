import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../diagnostics/diagnostic.ts';
import { parseRulebookFile } from '../parse/parse-rulebook-file.ts';
import { stripSpans } from '../parse/strip-spans.ts';
import { arbitraryRulebookSource } from './arbitrary-rulebook.ts';
import { formatRulebookFile } from './format-rulebook-file.ts';

const fixture = (name: string): string => readFileSync(new URL(`../parse/fixtures/${name}`, import.meta.url), 'utf8');

function format(text: string): string {
  const result = formatRulebookFile(text, 'f.a6');
  if (!result.ok) throw new Error(result.diagnostics.map(formatDiagnostic).join('\n'));
  return result.text;
}

/** The program of a file: everything but spans, comments and the path. */
function programOf(text: string): unknown {
  const { file, diagnostics } = parseRulebookFile(text, 'f.a6');
  expect(diagnostics.map(formatDiagnostic)).toEqual([]);
  return stripSpans({ imports: file.imports, rulebooks: file.rulebooks });
}

const commentsOf = (text: string): string[] =>
  parseRulebookFile(text, 'f.a6').file.comments.map((comment) => comment.text.trimEnd());

describe('formatRulebookFile', () => {
  it('lays out the example of docs/language.md canonically', () => {
    expect(format(fixture('dsl-example.a6'))).toMatchInlineSnapshot(`
      "// Glasgow rulebook, as adopted (Decisions 2/CMA.3 and 3/CMA.3)
      rulebook glasgow_2021 "Article 6 as adopted at CMA.3" {
        cite "Decision 2/CMA.3, annex; Decision 3/CMA.3, annex"

        option first_transfer.ndc = international_transfer
        option first_transfer.oimp = per_authorization
        option adjustment.object = emissions_balance
        option adjustment.single_year = party_method
        option a64.itmo = on_first_transfer

        levy share_of_proceeds 5% on issuance where unit.mechanism == "6.4" to adaptation_fund
        levy omge 2% rounded up on issuance where unit.mechanism == "6.4" cancel

        rule vintage_2021 "ITMOs are mitigation from 2021 on" on first_transfer {
          require unit.vintage >= 2021
            else "{unit.serial} has vintage {unit.vintage}; ITMOs start in 2021"
        }

        rule authorized_first "no first transfer without authorization" on international_transfer
            where unit.type == "ITMO" {
          require unit.authorized
        }

        rule cdm_window "CDM transition: deadlines, crediting period active on 1 Jan 2021" on transition {
          require event.requested_on <= 2023-12-31
          require event.host_approved_on != none and event.host_approved_on <= 2026-06-30
          require activity.crediting_from <= 2021-01-01 and activity.crediting_to >= 2021-01-01
        }

        rule cer_first_ndc "CERs count only from activities registered since 2013" on use
            where unit.type == "CER" {
          require activity.registered_on >= 2013-01-01 and unit.vintage >= 2013
        }
      }

      // A seed-paper variant: ITMOs only from within the host's NDC coverage
      rulebook within_ndc_only extends glasgow_2021 "ITMOs restricted to NDC coverage" {
        rule ndc_scope "only NDC-covered activities" on authorization, first_transfer {
          require activity.in_ndc else "activity {activity.id} lies outside {activity.host}'s NDC"
        }
      }

      // Another: OMGE as a 2% discount at use instead of issuance, and the CA applied at use
      rulebook omge_at_use extends glasgow_2021 {
        remove levy omge
        levy omge 2% rounded up on use where unit.itmo cancel
        option adjustment.transferor = on_use
      }
      "
    `);
  });

  it('normalizes spacing, indentation and parentheses', () => {
    const messy = [
      'import   "base.a6"',
      'rulebook   r   extends base{option a64 . itmo=separate  levy sop 5%  on issuance where(unit.type=="ITMO")to fund',
      '      rule x on use,transfer where ((a and b) and (c or d)) { require   (1 + 2) * 3 == -(-x) else "v {unit.vintage}"',
      '  expect not (a == b) and not c',
      '  expect (a - (b - c)) / (d * e) > len(h).i',
      '}',
      '      let   y = (event.from).party.to',
      '}',
      'rulebook e {',
      '',
      '}',
    ].join('\n');
    const formatted = format(messy);
    expect(formatted).toMatchInlineSnapshot(`
      "import "base.a6"

      rulebook r extends base {
        option a64.itmo = separate
        levy sop 5% on issuance where unit.type == "ITMO" to fund

        rule x on use, transfer where a and b and (c or d) {
          require (1 + 2) * 3 == -(-x) else "v {unit.vintage}"
          expect not a == b and not c
          expect (a - (b - c)) / (d * e) > len(h).i
        }

        let y = event.from.party.to
      }

      rulebook e {}
      "
    `);
    expect(programOf(formatted)).toEqual(programOf(messy));
  });

  it('keeps literals as written', () => {
    const text = 'rulebook r {\n  let a = [1_000_000, 0.50, 007, 2.5%, 2024-02-29, "tab\\tno\\"q\\\\"]\n}\n';
    expect(formatRulebookFile(text, 'f.a6')).toEqual({ ok: false, diagnostics: expect.any(Array) });
    const valid = 'rulebook r {\n  let a = [1_000_000, 0.50, 007, 2.5%, 2024-02-29, "no\\"q\\\\\\n"]\n}\n';
    expect(format(valid)).toBe(valid);
  });

  it('breaks long conditions and messages before where, and/or and else', () => {
    const long = [
      'rulebook r {',
      '  rule long_one "a title that is long enough to push the where clause onto the next line" on use where unit.vintage >= 2021 and unit.vintage <= 2030 and activity.in_ndc and unit.type == "ITMO" {',
      '    require unit.authorization.cap == none or authorized_total(unit.authorization.id) + event.quantity <= unit.authorization.cap else "authorization {unit.authorization.id} is over its cap"',
      '  }',
      '  levy sop 5% rounded nearest on issuance where unit.mechanism == "6.4" and activity.host != "SGP" and activity.sector == "energy" to adaptation_fund',
      '  let eligible = unit.vintage >= 2021 and unit.vintage <= 2030 and activity.in_ndc and unit.type == "ITMO" and unit.itmo',
      '}',
    ].join('\n');
    const formatted = format(long);
    expect(formatted).toMatchInlineSnapshot(`
      "rulebook r {
        rule long_one "a title that is long enough to push the where clause onto the next line" on use
            where unit.vintage >= 2021
              and unit.vintage <= 2030
              and activity.in_ndc
              and unit.type == "ITMO" {
          require unit.authorization.cap == none
            or authorized_total(unit.authorization.id) + event.quantity <= unit.authorization.cap
            else "authorization {unit.authorization.id} is over its cap"
        }

        levy sop 5% rounded nearest on issuance
            where unit.mechanism == "6.4"
              and activity.host != "SGP"
              and activity.sector == "energy" to adaptation_fund
        let eligible = unit.vintage >= 2021
            and unit.vintage <= 2030
            and activity.in_ndc
            and unit.type == "ITMO"
            and unit.itmo
      }
      "
    `);
    expect(programOf(formatted)).toEqual(programOf(long));
    expect(format(formatted)).toBe(formatted);
  });

  it('keeps every comment in place', () => {
    const text = [
      '// file header',
      '',
      '/* block',
      '   comment */',
      'rulebook r { // after the brace',
      '  // before the option',
      '  option a64.itmo = separate // after the option',
      '',
      '  // a section',
      '',
      '  rule x on use where a /* inside the where */ and b {',
      '    // before the check',
      '    require a // after the check',
      '      else "m" /* after the message */',
      '    // before the closing brace',
      '  } // after the rule',
      '  // last in the rulebook',
      '}',
      'rulebook empty {} // after an empty rulebook',
      '// the end',
    ].join('\n');
    const formatted = format(text);
    expect(formatted).toMatchInlineSnapshot(`
      "// file header

      /* block
         comment */
      rulebook r { // after the brace
        // before the option
        option a64.itmo = separate // after the option

        // a section

        /* inside the where */
        rule x on use where a and b {
          // before the check
          // after the check
          require a else "m" /* after the message */
          // before the closing brace
        } // after the rule

        // last in the rulebook
      }

      rulebook empty {} // after an empty rulebook
      // the end
      "
    `);
    expect(commentsOf(formatted).toSorted()).toEqual(commentsOf(text).toSorted());
    expect(format(formatted)).toBe(formatted);
  });

  it('refuses a file with syntax errors and returns its diagnostics', () => {
    const result = formatRulebookFile('rulebook r {\n  rule x on nope { require true }\n}', 'bad.a6');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.diagnostics.map(formatDiagnostic)).toEqual(['bad.a6:2:13: error[dsl.syntax]: expected a trigger']);
  });
});

describe('formatRulebookFile: properties on generated files', () => {
  it('the generator makes valid files', () => {
    fc.assert(
      fc.property(arbitraryRulebookSource, (text) => {
        expect(parseRulebookFile(text, 'g.a6').diagnostics.map(formatDiagnostic)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('is idempotent, keeps the program (AST modulo spans) and keeps every comment', () => {
    fc.assert(
      fc.property(arbitraryRulebookSource, (text) => {
        const formatted = format(text);
        expect(programOf(formatted)).toEqual(programOf(text));
        expect(format(formatted)).toBe(formatted);
        expect(commentsOf(formatted).toSorted()).toEqual(commentsOf(text).toSorted());
      }),
      { numRuns: 150 },
    );
  });
});
