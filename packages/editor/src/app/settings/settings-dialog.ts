import { requireElement } from '../shell/index.ts';
import type { TokenStore } from './token-store.ts';

/**
 * The settings dialog (`#settings-dialog` in index.html): the bearer token, entered once. Resolves
 * `true` when the user stored a token, `false` when they cancelled or cleared it.
 */
export function openSettingsDialog(tokens: TokenStore, reason: string | null = null): Promise<boolean> {
  const dialog = requireElement('settings-dialog', HTMLDialogElement);
  const input = requireElement('settings-token', HTMLInputElement);
  const note = requireElement('settings-reason', HTMLParagraphElement);
  const clear = requireElement('settings-clear', HTMLButtonElement);
  input.value = tokens.get() ?? '';
  note.textContent = reason ?? '';
  note.hidden = reason === null;
  return new Promise((resolve) => {
    const onClear = () => {
      input.value = '';
      tokens.set(null);
      dialog.close('cleared');
    };
    clear.addEventListener('click', onClear, { once: true });
    dialog.addEventListener(
      'close',
      () => {
        clear.removeEventListener('click', onClear);
        if (dialog.returnValue === 'save') {
          tokens.set(input.value);
          resolve(tokens.get() !== null);
        } else resolve(false);
      },
      { once: true },
    );
    dialog.returnValue = '';
    dialog.showModal();
    input.focus();
  });
}

/** Asks for a workspace file name (`#save-as-dialog`): saving a scratch or local file under a new name. */
export function askFileName(suggestion: string, reason: string): Promise<string | null> {
  const dialog = requireElement('save-as-dialog', HTMLDialogElement);
  const input = requireElement('save-as-name', HTMLInputElement);
  requireElement('save-as-reason', HTMLParagraphElement).textContent = reason;
  input.value = suggestion;
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'save' && input.value.trim() !== '' ? input.value.trim() : null), { once: true });
    dialog.returnValue = '';
    dialog.showModal();
    input.select();
  });
}
