import { element } from './dom.ts';

/**
 * The results panel. Running a replay or a comparison from the editor is a later task; until then
 * the panel says so and points at the CLI, instead of showing sample numbers.
 */
export function renderResultsEmptyState(container: HTMLElement): void {
  container.replaceChildren(
    element('p', { textContent: 'Nothing has been run.' }),
    element(
      'p',
      { className: 'muted' },
      'Running a replay or comparing rulebooks from the editor is not available yet. Meanwhile use the command line: ',
      element('code', { textContent: 'pnpm a6 replay --history FILE.ndjson --rulebook FILE.a6' }),
      '.',
    ),
  );
}
