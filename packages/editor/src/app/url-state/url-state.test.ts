import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_URL_STATE, readUrlState, writeUrlState, type UrlState } from './url-state.ts';

describe('URL state', () => {
  it('writes a link that names the file, rulebook, history, compared rulebooks and view', () => {
    const state: UrlState = {
      file: 'glasgow-2021.a6',
      rulebook: 'glasgow_2021',
      history: 'worked-example',
      compare: [{ file: 'within-ndc-only.a6' }, { file: 'a64-itmo.a6', name: 'a64_separate' }],
      view: 'compare',
    };
    const query = writeUrlState(state);
    expect(query).toBe(
      '?file=glasgow-2021.a6&rulebook=glasgow_2021&history=worked-example&compare=within-ndc-only.a6&compare=a64-itmo.a6%23a64_separate&view=compare',
    );
    expect(readUrlState(query)).toEqual(state);
  });

  it('reads an empty or foreign query as the empty state and drops what it cannot use', () => {
    expect(readUrlState('')).toEqual(EMPTY_URL_STATE);
    expect(readUrlState('?view=everything&compare=notes.txt&compare=x.a6%23&utm_source=mail')).toEqual(EMPTY_URL_STATE);
    // A rulebook name without a file names nothing.
    expect(writeUrlState({ ...EMPTY_URL_STATE, rulebook: 'glasgow_2021' })).toBe('');
  });

  it('round-trips every state it can write', () => {
    const name = fc.stringMatching(/^[a-z_][a-z0-9_]{0,12}$/);
    const file = fc.stringMatching(/^[A-Za-z0-9_-][A-Za-z0-9._/ -]{0,20}$/).map((stem) => `${stem}.a6`);
    const state = fc.record({
      file: fc.option(file, { nil: null }),
      rulebook: fc.option(name, { nil: null }),
      history: fc.option(fc.stringMatching(/^[A-Za-z0-9._-]{1,20}$/), { nil: null }),
      compare: fc.array(fc.record({ file, name: fc.option(name, { nil: undefined }) }, { requiredKeys: ['file'] }), { maxLength: 4 }),
      view: fc.constantFrom('run' as const, 'compare' as const, null),
    });
    fc.assert(
      fc.property(state, (generated) => {
        const written: UrlState = {
          ...generated,
          rulebook: generated.file === null ? null : generated.rulebook,
          compare: generated.compare.map((choice) => (choice.name === undefined ? { file: choice.file } : { file: choice.file, name: choice.name })),
        };
        expect(readUrlState(writeUrlState(written))).toEqual(written);
      }),
    );
  });
});
