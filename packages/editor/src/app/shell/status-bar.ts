import type { DiagnosticCounts } from '../markers/index.ts';

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

export function diagnosticsSummary(counts: DiagnosticCounts | null): string {
  if (counts === null) return 'Not checked';
  const parts = [plural(counts.errors, 'error'), plural(counts.warnings, 'warning')];
  if (counts.infos > 0) parts.push(plural(counts.infos, 'note'));
  return parts.join(', ');
}

/** One line about the language worker (what it checks, how many editor features, the last pass), and a tooltip naming the features. */
export function languageSummary(features: readonly string[], lastPassMs: number | null): { text: string; details: string } {
  const timing = lastPassMs === null ? '' : ` · checked in ${Math.round(lastPassMs)} ms`;
  return {
    text: `a6: syntax + type checks · ${features.length} editor features${timing}`,
    details: `Checked as you type: syntax, names and types.\nEditor features: ${features.join(', ')}`,
  };
}
