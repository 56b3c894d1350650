import type { DiagnosticCounts } from '../markers/index.ts';
import type { ProviderRegistration } from '../providers/index.ts';
import type { WorkerCapabilities } from '../worker/index.ts';

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

export function diagnosticsSummary(counts: DiagnosticCounts | null): string {
  if (counts === null) return 'Not checked';
  const parts = [plural(counts.errors, 'error'), plural(counts.warnings, 'warning')];
  if (counts.infos > 0) parts.push(plural(counts.infos, 'note'));
  return parts.join(', ');
}

/** One line about what the language worker can do in this build, and a longer tooltip with reasons. */
export function languageSummary(
  capabilities: WorkerCapabilities,
  registrations: readonly ProviderRegistration[],
  lastPassMs: number | null,
): { text: string; details: string } {
  const checks = capabilities.checking.available
    ? 'syntax + type checks'
    : capabilities.syntax.available
      ? 'syntax checks only (checker not available)'
      : 'no checks (language not available)';
  const active = registrations.filter((registration) => registration.registered).map((registration) => registration.method);
  const features = active.length > 0 ? `${active.length} editor features` : 'no completion/hover yet';
  const timing = lastPassMs === null ? '' : ` · checked in ${Math.round(lastPassMs)} ms`;
  const reasons = [
    capabilities.syntax.available ? null : capabilities.syntax.reason,
    capabilities.checking.available ? null : capabilities.checking.reason,
    ...registrations.filter((registration) => !registration.registered).map((registration) => registration.reason ?? registration.method),
  ].filter((reason): reason is string => reason !== null);
  return {
    text: `a6: ${checks} · ${features}${timing}`,
    details: reasons.length > 0 ? `Not available:\n${reasons.join('\n')}` : 'All language features available',
  };
}
