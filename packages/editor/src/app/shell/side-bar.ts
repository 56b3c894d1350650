import type { HistoryEntry, RulebookFileEntry, ServerIssue } from '../server-api/index.ts';
import type { WorkspaceFile } from '../workspace/index.ts';
import { element } from './dom.ts';

/** The user's way to a file: by its path (server files, open files alike). */
export type OpenPath = (path: string) => void;

function issueNotice(issue: ServerIssue, consequence: string): HTMLElement {
  const title = issue.code === 'editor.server_unreachable' ? 'Server not reachable.' : 'The server refused the request.';
  return element('div', { className: 'notice' }, element('strong', { textContent: title }), ' ', consequence, element('br'), element('code', { textContent: issue.message }));
}

function fileButton(label: string, detail: string | null, current: boolean, onActivate: () => void): HTMLLIElement {
  const button = element('button', { textContent: label });
  button.type = 'button';
  if (current) button.setAttribute('aria-current', 'true');
  if (detail) button.append(element('span', { className: 'item-detail', textContent: detail }));
  button.addEventListener('click', onActivate);
  return element('li', {}, button);
}

export function renderRulebookList(
  container: HTMLElement,
  result: { ok: true; value: readonly RulebookFileEntry[] } | { ok: false; issue: ServerIssue },
  currentPath: string | null,
  open: OpenPath,
): void {
  container.setAttribute('aria-busy', 'false');
  if (!result.ok) {
    container.replaceChildren(issueNotice(result.issue, 'Stored rulebooks cannot be listed; files you open here are checked but not saved.'));
    return;
  }
  if (result.value.length === 0) {
    container.replaceChildren(element('p', { className: 'muted', textContent: 'The server stores no rulebook files yet.' }));
    return;
  }
  const list = element('ul', { className: 'item-list' });
  for (const entry of result.value) {
    const detail = entry.rulebooks.length > 0 ? entry.rulebooks.join(', ') : null;
    list.append(fileButton(entry.file, detail, entry.file === currentPath, () => open(entry.file)));
  }
  container.replaceChildren(list);
}

export function renderHistoryList(
  container: HTMLElement,
  result: { ok: true; value: readonly HistoryEntry[] } | { ok: false; issue: ServerIssue },
  choose?: (id: string) => void,
): void {
  container.setAttribute('aria-busy', 'false');
  if (!result.ok) {
    container.replaceChildren(issueNotice(result.issue, 'Histories are listed once the server runs (pnpm start).'));
    return;
  }
  if (result.value.length === 0) {
    container.replaceChildren(element('p', { className: 'muted', textContent: 'No histories in the store yet.' }));
    return;
  }
  const list = element('ul', { className: 'item-list' });
  for (const history of result.value) {
    const detail = history.events === null ? null : `${history.events.toLocaleString('en')} events`;
    if (choose) {
      const item = fileButton(history.id, detail, false, () => choose(history.id));
      item.querySelector('button')!.title = `Replay and compare over ${history.id}`;
      list.append(item);
      continue;
    }
    const item = element('li', {}, element('span', { textContent: history.id }));
    if (detail) item.append(element('span', { className: 'item-detail', textContent: detail }));
    list.append(item);
  }
  container.replaceChildren(list);
}

const ORIGIN_LABELS: Record<WorkspaceFile['origin'], string> = {
  server: 'from the server',
  local: 'local file, not saved',
  scratch: 'scratch, not saved',
};

export function renderOpenFiles(
  container: HTMLElement,
  files: readonly WorkspaceFile[],
  currentPath: string | null,
  open: OpenPath,
  isModified: (path: string) => boolean = () => false,
): void {
  container.replaceChildren(
    ...files.map((file) => {
      const modified = isModified(file.path);
      const item = fileButton(`${file.path}${modified ? ' ●' : ''}`, `${ORIGIN_LABELS[file.origin]}${modified ? ', modified' : ''}`, file.path === currentPath, () => open(file.path));
      if (modified) item.classList.add('modified');
      return item;
    }),
  );
}
