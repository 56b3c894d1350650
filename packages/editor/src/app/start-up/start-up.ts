import type { AppContext } from '../app-context.ts';
import type { CompareController } from '../compare/index.ts';
import type { FilesController } from '../files/index.ts';
import type { ChoicesController } from '../panel/index.ts';
import type { RunController } from '../run/index.ts';
import type { RulebookFileEntry, ServerResult } from '../server-api/index.ts';
import { isStored } from '../state/index.ts';
import { startFile, startHistory } from './start-choices.ts';

export interface StartUpParts {
  readonly files: FilesController;
  readonly choices: ChoicesController;
  readonly run: RunController;
  readonly compare: CompareController;
}

/**
 * Loads the server's lists, opens the link's file (else the main rulebook) and applies the link's
 * choices; then the address bar follows the view. A link with a view shows its results: replays and
 * comparisons are deterministic, so rerunning reproduces them.
 */
export async function startUp(context: AppContext, parts: StartUpParts): Promise<void> {
  const { api, store, panel } = context;
  const [rulebooks, histories] = await Promise.all([api.listRulebooks(), api.listHistories()]);
  store.set({ serverFiles: rulebooks });
  const { opened } = store.state.link;
  parts.choices.showHistories(histories, startHistory(opened.history, histories));
  await openStartFile(context, parts.files, rulebooks);
  await parts.choices.refreshRulebookNames();
  panel.show(opened.view ?? 'run');
  store.update((state) => ({ link: { ...state.link, restoring: false } }));
  // The restored view starts its analysis without blocking start-up; outcomes (failures too) land in the panel.
  if (opened.view === 'run') void parts.run.replay();
  if (opened.view === 'compare') void parts.compare.compare();
}

/** Only while the user has not started on something else (the scratch file as it opened). */
async function openStartFile(context: AppContext, files: FilesController, rulebooks: ServerResult<readonly RulebookFileEntry[]>): Promise<void> {
  if (!rulebooks.ok || !files.scratchUntouched()) return;
  const linked = context.store.state.link.opened.file;
  if (linked !== null && !isStored(context.store.state, linked)) context.say(`The link names ${linked}, which the server does not store.`);
  const first = startFile(linked, rulebooks.value);
  if (first) await files.openServerFile(first);
}
