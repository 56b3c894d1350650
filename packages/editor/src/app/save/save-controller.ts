import type { AppContext } from '../app-context.ts';
import type { FilesController } from '../files/index.ts';
import type { SavedRulebook, ServerIssue } from '../server-api/index.ts';
import { askFileName, openSettingsDialog } from '../settings/index.ts';
import { requireElement } from '../shell/index.ts';
import { currentFile, type OpenFile } from '../state/index.ts';

/** Saving the open file to the server (`PUT /api/rulebooks/:file`) with the designer token; a scratch file asks for a name. */
export class SaveController {
  constructor(
    private readonly context: AppContext,
    private readonly files: FilesController,
  ) {
    requireElement('save-file', HTMLButtonElement).addEventListener('click', () => void this.save());
    requireElement('open-settings', HTMLButtonElement).addEventListener('click', () => void this.openSettings());
  }

  /** The settings dialog: the bearer token, entered once. */
  openSettings(): Promise<boolean> {
    return openSettingsDialog(this.context.tokens);
  }

  async save(): Promise<void> {
    const { store, workspace, api, say } = this.context;
    const file = currentFile(store.state);
    if (file === undefined) return;
    const model = workspace.modelOf(file.path)!;
    const target = await this.targetOf(file);
    if (target === null || !(await this.haveToken())) return;
    const text = model.getValue();
    const savedVersion = model.getAlternativeVersionId();
    say(`Saving ${target}…`);
    const result = await api.saveRulebook(target, text);
    if (!result.ok) {
      this.refused(result.issue);
      return;
    }
    this.saved(file.path, target, text, savedVersion, result.value);
    await this.files.reloadServerFiles();
  }

  /** Where the file is saved: its own path, or the name asked for a scratch file (`null`: the user cancelled). */
  private async targetOf(file: OpenFile): Promise<string | null> {
    if (file.origin !== 'scratch') return file.path;
    return askFileName('my-rulebook.a6', 'The scratch file has no name on the server yet.');
  }

  private async haveToken(): Promise<boolean> {
    const { tokens, say } = this.context;
    if (tokens.get() !== null) return true;
    const entered = await openSettingsDialog(tokens, 'Saving needs a designer token. Enter it once; this browser keeps it.');
    if (!entered) say('Not saved: no designer token.');
    return entered;
  }

  private refused(issue: ServerIssue): void {
    const { tokens, say } = this.context;
    if (issue.status === 401 || issue.status === 403) {
      say(`Not saved: ${issue.message}`);
      // Fire-and-forget: the dialog stores a new token itself; saving again is the user's move.
      void openSettingsDialog(tokens, `The server refused the token (${issue.serverCode ?? issue.status}): saving needs a designer token.`);
    } else if (issue.serverCode === 'rulebook.invalid') {
      say(`Not saved: ${issue.message}. Fix the errors marked in the editor (F8 goes to the next).`);
    } else say(`Not saved: ${issue.message}`);
  }

  private saved(path: string, target: string, text: string, savedVersion: number, saved: SavedRulebook): void {
    const { workspace, say } = this.context;
    const model = workspace.modelOf(path)!;
    const unchangedSince = model.getAlternativeVersionId() === savedVersion;
    if (target !== path) {
      this.files.open({ path: target, origin: 'server' }, text);
    } else if (unchangedSince) {
      this.files.markSaved(path, 'server');
      say(saved.saved ? `Saved ${target} as version ${saved.version}.` : `${target} is unchanged (version ${saved.version}).`);
    } else {
      // Typed while saving: the saved text is not what the editor shows, so the mark stays.
      this.files.markSaved(path, 'server');
      say(`Saved ${target} (version ${saved.version}); edits made while saving are not saved yet.`);
    }
  }
}
