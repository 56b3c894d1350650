import { DIFF_FORMAT, diffRulebooks, type LoadRulebookResult, type RulebookDiff } from '@a6/dsl';
import { searchWitness, type Searched, type Witness, type WitnessSearchInput } from './search-witness.ts';

/**
 * The `a6.diff/1` document (docs/negotiators.md "The a6.diff/1 document"): the two rulebooks, their structural
 * differences (dsl/diff), and, when asked for, the witness of the counterexample search and what was
 * searched. `differences` is empty when the two resolve to the same rulebook; a difference is a
 * result, never an error.
 */
export interface DiffReport {
  readonly format: typeof DIFF_FORMAT;
  readonly rulebooks: RulebookDiff['rulebooks'];
  readonly differences: RulebookDiff['differences'];
  readonly witness: Witness | null;
  readonly searched: Searched;
}

/** A rulebook as `loadRulebook` returns it: compiled, resolved, and its checked program. */
export type LoadedRulebook = Extract<LoadRulebookResult, { ok: true }>;

/** The search's settings; the rulebooks and differences come from the diff. */
export type WitnessOptions = Omit<WitnessSearchInput, 'a' | 'b' | 'differences'>;

export interface RulebookDiffOptions {
  /** Search for a witness (`a6 diff --witness`); without it the document says `not_requested`. */
  readonly witness?: WitnessOptions;
}

/** Diffs A and B and, with `witness`, searches for a history on which they disagree. */
export function rulebookDiffReport(a: LoadedRulebook, b: LoadedRulebook, options: RulebookDiffOptions = {}): DiffReport {
  const diff = diffRulebooks({ rulebook: a.resolved, files: a.program.files }, { rulebook: b.resolved, files: b.program.files });
  if (options.witness === undefined) return { format: DIFF_FORMAT, ...diff, witness: null, searched: { status: 'not_requested' } };
  const { witness, searched } = searchWitness({ ...options.witness, a: a.rulebook, b: b.rulebook, differences: diff.differences });
  return { format: DIFF_FORMAT, ...diff, witness, searched };
}
