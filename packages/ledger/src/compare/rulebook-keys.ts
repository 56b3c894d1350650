/**
 * Compare keys (docs/reports.md "The compare report"): a rulebook's name, or `NAME#N` (N its 1-based position) for every
 * rulebook whose name another one shares — the same rulebook twice, or two files declaring one name.
 */
export function rulebookKeys(names: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return names.map((name, index) => (counts.get(name)! > 1 ? `${name}#${index + 1}` : name));
}
