import type { Diagnostic } from '@a6/dsl';
import type { CompareReport, ReplayReport } from '@a6/ledger';
import type { AnalysisRequest, AnalysisRun } from '../analysis/index.ts';
import { INITIAL_DIFF_STATE, type DiffState } from '../diff/diff-state.ts';
import type { EditorFeature } from '../providers/index.ts';
import type { RulebookFileEntry, ServerResult } from '../server-api/index.ts';
import type { ThemeName } from '../shell/index.ts';
import type { PanelView, RulebookChoice, UrlState } from '../url-state/index.ts';
import type { WorkspaceFile } from '../workspace/index.ts';

/** An open file as the side bar, the title and the tabs show it (its text lives in its Monaco model). */
export interface OpenFile extends WorkspaceFile {
  /** The text differs from what was opened or last saved. */
  readonly modified: boolean;
}

export type LanguageStatus =
  | { readonly status: 'starting' }
  | { readonly status: 'ready'; readonly features: readonly EditorFeature[] }
  | { readonly status: 'failed'; readonly message: string };

/** What the Run and Compare views are set to (the panel's choices). */
export interface Selection {
  readonly history: string | null;
  /** A rulebook the open file declares; `null` is the file's default (the last it declares). */
  readonly rulebook: string | null;
  /** Stored rulebooks compared with the open one (the baseline), in order. */
  readonly compare: readonly RulebookChoice[];
  readonly view: PanelView;
}

export interface ReplayState {
  /** The replay in flight (cancel through it). */
  readonly running: AnalysisRun<ReplayReport> | null;
  /** The last finished replay: the report, the workspace path it started from, the history. */
  readonly last: { readonly report: ReplayReport; readonly path: string; readonly history: string } | null;
  /** The rule whose rejections the Run view shows alone (a code lens chose it). */
  readonly ruleFilter: string | null;
}

export interface CompareState {
  readonly running: AnalysisRun<CompareReport> | null;
  /** The last finished comparison and the request that made it (the HTML report asks for the same). */
  readonly last: { readonly report: CompareReport; readonly request: AnalysisRequest } | null;
}

export interface LinkState {
  /** The link the page was opened with. */
  readonly opened: UrlState;
  /** True until start-up has applied the link: the address bar is not written before. */
  readonly restoring: boolean;
  /** The link's rulebook, until the open file's rulebook names are known and it could be chosen. */
  readonly pendingRulebook: string | null;
}

/**
 * Everything the page's controllers share, in one immutable value (`Store<AppState>`): a controller
 * changes it with `store.set`, and views watch the slices they render. Monaco models hold the text
 * and the panel's controls mirror `selection`; everything else a controller needs to know is here.
 */
export interface AppState {
  readonly theme: ThemeName;
  /** Open files, in the order they were opened. */
  readonly files: readonly OpenFile[];
  /** The file in the editor. */
  readonly currentPath: string | null;
  /** The worker's latest diagnostics per open file (stale passes are dropped before they get here). */
  readonly diagnostics: ReadonlyMap<string, readonly Diagnostic[]>;
  /** The server's rulebook files; `null` until the first listing answers. */
  readonly serverFiles: ServerResult<readonly RulebookFileEntry[]> | null;
  readonly language: LanguageStatus;
  /** Wall time of the worker's last diagnostics pass. */
  readonly lastPassMs: number | null;
  readonly selection: Selection;
  readonly replay: ReplayState;
  readonly compare: CompareState;
  /** The structural diff and witness search beside the Compare view (`DiffController`). */
  readonly diff: DiffState;
  readonly link: LinkState;
  /** The status bar's message. */
  readonly message: string;
}

export function initialAppState(opened: UrlState, theme: ThemeName): AppState {
  return {
    theme,
    files: [],
    currentPath: null,
    diagnostics: new Map(),
    serverFiles: null,
    language: { status: 'starting' },
    lastPassMs: null,
    selection: { history: null, rulebook: null, compare: [], view: 'run' },
    replay: { running: null, last: null, ruleFilter: null },
    compare: { running: null, last: null },
    diff: INITIAL_DIFF_STATE,
    link: { opened, restoring: true, pendingRulebook: opened.rulebook },
    message: '',
  };
}

/** The open file in the editor, if any. */
export function currentFile(state: AppState): OpenFile | undefined {
  return state.currentPath === null ? undefined : state.files.find((file) => file.path === state.currentPath);
}

/** Whether the server's listing holds `path`. */
export function isStored(state: AppState, path: string): boolean {
  return state.serverFiles?.ok === true && state.serverFiles.value.some((entry) => entry.file === path);
}
