import { element, renderOpenFiles, renderRulebookList, requireElement } from '../shell/index.ts';
import { currentFile, type AppState, type OpenFile, type Store } from '../state/index.ts';
import type { FilesController } from './files-controller.ts';

/** The side bar's file lists and the editor's title line, drawn from `AppState` whenever their slices change. */
export function bindFileViews(store: Store<AppState>, files: FilesController): void {
  const rulebookList = requireElement('rulebook-list', HTMLDivElement);
  const openFileList = requireElement('open-file-list', HTMLUListElement);
  store.watch(
    (state) => [state.serverFiles, state.files, state.currentPath] as const,
    ([serverFiles, open, current]) => {
      if (serverFiles) renderRulebookList(rulebookList, serverFiles, current, (path) => void files.openServerFile(path));
      renderOpenFiles(openFileList, open, current, (path) => files.show(path), (path) => open.some((file) => file.path === path && file.modified));
    },
  );
  const title = requireElement('current-file', HTMLParagraphElement);
  const saveButton = requireElement('save-file', HTMLButtonElement);
  store.watch(currentFile, (file) => renderTitle(title, saveButton, file));
}

function renderTitle(title: HTMLElement, saveButton: HTMLButtonElement, file: OpenFile | undefined): void {
  title.replaceChildren();
  if (!file) return;
  title.append(file.path);
  if (file.origin !== 'server') title.append(element('span', { className: 'muted', textContent: ' (not saved on the server)' }));
  if (file.modified) {
    const mark = element('span', { className: 'modified-mark', textContent: ' ●', title: 'Modified: not saved' });
    mark.setAttribute('aria-label', 'modified, not saved');
    title.append(mark);
  }
  document.title = `${file.modified ? '● ' : ''}${file.path} — A6 Ledger`;
  saveButton.disabled = file.origin === 'server' && !file.modified;
}
