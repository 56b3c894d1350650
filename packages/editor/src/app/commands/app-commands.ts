import { monaco } from '../monaco/index.ts';

/** A command of the editor: in the command palette (F1, Ctrl+Shift+P), with its shortcut. */
export interface AppCommand {
  readonly id: string;
  /** As the palette lists it (`A6: Run replay`). */
  readonly label: string;
  /** Monaco keybindings while the editor has focus (`KeyMod.CtrlCmd | KeyCode.Enter`). */
  readonly keybindings?: readonly number[];
  /** The same shortcut when focus is elsewhere on the page (side bar, panel). */
  readonly pageKey?: (event: KeyboardEvent) => boolean;
  run(): void | Promise<void>;
}

const ctrl = (event: KeyboardEvent) => event.ctrlKey || event.metaKey;

/** Page-level key tests for the shortcuts the commands declare (Monaco handles them inside the editor). */
export const pageKeys = {
  ctrlEnter: (event: KeyboardEvent) => ctrl(event) && !event.shiftKey && !event.altKey && event.key === 'Enter',
  ctrlShiftEnter: (event: KeyboardEvent) => ctrl(event) && event.shiftKey && !event.altKey && event.key === 'Enter',
  ctrlS: (event: KeyboardEvent) => ctrl(event) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 's',
  shiftAltF: (event: KeyboardEvent) => event.shiftKey && event.altKey && !ctrl(event) && event.code === 'KeyF',
} as const;

const QUICK_COMMAND = 'editor.action.quickCommand';

/** Opens Monaco's command palette, which lists the commands added below next to Monaco's own (Format Document, …). */
export function openCommandPalette(editor: monaco.editor.IStandaloneCodeEditor): void {
  editor.focus();
  editor.trigger('a6', QUICK_COMMAND, null);
}

/**
 * Adds every command to the editor (so the palette lists it and its keybinding works in the editor)
 * and listens on the page for the same shortcuts and for the palette itself (Ctrl+Shift+P, F1), the
 * VS Code habits, wherever focus is.
 */
export function registerAppCommands(editor: monaco.editor.IStandaloneCodeEditor, commands: readonly AppCommand[]): monaco.IDisposable {
  const disposables = commands.map((command) =>
    editor.addAction({
      id: command.id,
      label: command.label,
      keybindings: command.keybindings ? [...command.keybindings] : undefined,
      run: () => command.run(),
    }),
  );
  disposables.push(editor.addAction({
    id: 'a6.commandPalette',
    label: 'Show all commands',
    keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.KeyP],
    run: () => openCommandPalette(editor),
  }));

  const onKeyDown = (event: KeyboardEvent) => {
    const target = event.target instanceof Node ? event.target : null;
    // Inside the editor Monaco's keybindings apply (and its own widgets, like the palette, get their keys).
    if (target && editor.getDomNode()?.contains(target)) return;
    // A modal dialog owns the keyboard.
    if (document.querySelector('dialog[open]')) return;
    const palette = (ctrl(event) && event.shiftKey && event.key.toLowerCase() === 'p') || (event.key === 'F1' && !ctrl(event) && !event.altKey);
    if (palette) {
      event.preventDefault();
      openCommandPalette(editor);
      return;
    }
    const command = commands.find((candidate) => candidate.pageKey?.(event));
    if (!command) return;
    event.preventDefault();
    // Fire-and-forget from a key press: every command reports its own outcome in the UI.
    void command.run();
  };
  document.addEventListener('keydown', onKeyDown, true);
  return {
    dispose: () => {
      document.removeEventListener('keydown', onKeyDown, true);
      for (const disposable of disposables) disposable.dispose();
    },
  };
}
