/**
 * What a link to the editor reopens (the VS Code habit of a shareable location): the rulebook file and
 * the rulebook in it, the history, the rulebooks compared, and the view. Only saved files can be named:
 * unsaved text has no address another reader could open.
 */
export type PanelView = 'run' | 'compare';

/** A rulebook in a saved file; `name` absent means the file's default (the last one it declares). */
export interface RulebookChoice {
  readonly file: string;
  readonly name?: string;
}

export interface UrlState {
  readonly file: string | null;
  readonly rulebook: string | null;
  readonly history: string | null;
  /** Rulebooks compared with the open one, in order (the open one is the baseline). */
  readonly compare: readonly RulebookChoice[];
  /** The panel to show; a link with a view also runs it, so the reader sees the same results. */
  readonly view: PanelView | null;
}

export const EMPTY_URL_STATE: UrlState = { file: null, rulebook: null, history: null, compare: [], view: null };

/** `FILE.a6#NAME`, the CLI's shorthand (cli.md `a6 compare`). */
export function formatRulebookChoice(choice: RulebookChoice): string {
  return choice.name === undefined ? choice.file : `${choice.file}#${choice.name}`;
}

function parseRulebookChoice(text: string): RulebookChoice | null {
  const hash = text.indexOf('#');
  const file = hash < 0 ? text : text.slice(0, hash);
  const name = hash < 0 ? undefined : text.slice(hash + 1);
  if (!file.endsWith('.a6') || name === '') return null;
  return name === undefined ? { file } : { file, name };
}

export function readUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const text = (key: string): string | null => {
    const value = params.get(key);
    return value === null || value === '' ? null : value;
  };
  const view = text('view');
  return {
    file: text('file'),
    rulebook: text('rulebook'),
    history: text('history'),
    compare: params.getAll('compare').map(parseRulebookChoice).filter((choice): choice is RulebookChoice => choice !== null),
    view: view === 'run' || view === 'compare' ? view : null,
  };
}

/** The query string (with `?`, or empty) for a state; keys in a fixed order so equal states give equal links. */
export function writeUrlState(state: UrlState): string {
  const params = new URLSearchParams();
  if (state.file !== null) params.set('file', state.file);
  if (state.file !== null && state.rulebook !== null) params.set('rulebook', state.rulebook);
  if (state.history !== null) params.set('history', state.history);
  for (const choice of state.compare) params.append('compare', formatRulebookChoice(choice));
  if (state.view !== null) params.set('view', state.view);
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
}
