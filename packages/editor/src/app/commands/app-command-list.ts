import type { CompareController } from '../compare/index.ts';
import { monaco } from '../monaco/index.ts';
import type { AnalysisPanel } from '../panel/index.ts';
import type { RunController } from '../run/index.ts';
import type { SaveController } from '../save/index.ts';
import type { ThemeController } from '../theme/index.ts';
import type { UrlController } from '../url-state/index.ts';
import { pageKeys, type AppCommand } from './app-commands.ts';

/** The controllers the page's commands act on. */
export interface CommandTargets {
  readonly editor: monaco.editor.IStandaloneCodeEditor;
  readonly panel: AnalysisPanel;
  readonly run: RunController;
  readonly compare: CompareController;
  readonly save: SaveController;
  readonly theme: ThemeController;
  readonly url: UrlController;
}

/** Every command of the palette, with its shortcut in the editor and on the page. */
export function appCommandList({ editor, panel, run, compare, save, theme, url }: CommandTargets): AppCommand[] {
  const { KeyMod, KeyCode } = monaco;
  return [
    { id: 'a6.run', label: 'A6: Run replay', keybindings: [KeyMod.CtrlCmd | KeyCode.Enter], pageKey: pageKeys.ctrlEnter, run: () => run.replay() },
    {
      id: 'a6.compare',
      label: 'A6: Compare rulebooks',
      keybindings: [KeyMod.CtrlCmd | KeyMod.Shift | KeyCode.Enter],
      pageKey: pageKeys.ctrlShiftEnter,
      run: () => compare.compare(),
    },
    {
      id: 'a6.cancel',
      label: 'A6: Cancel the running replay or comparison',
      run: async () => {
        await run.cancel();
        await compare.cancel();
      },
    },
    {
      id: 'a6.format',
      label: 'A6: Format rulebook (a6 fmt)',
      // Monaco binds Format Document to Ctrl+Shift+I on Linux; Shift+Alt+F is the habit on every platform.
      keybindings: [KeyMod.Shift | KeyMod.Alt | KeyCode.KeyF],
      pageKey: pageKeys.shiftAltF,
      run: async () => {
        editor.focus();
        await editor.getAction('editor.action.formatDocument')?.run();
      },
    },
    { id: 'a6.save', label: 'A6: Save rulebook', keybindings: [KeyMod.CtrlCmd | KeyCode.KeyS], pageKey: pageKeys.ctrlS, run: () => save.save() },
    {
      id: 'a6.toggleTheme',
      label: 'A6: Toggle light/dark theme',
      keybindings: [KeyMod.chord(KeyMod.CtrlCmd | KeyCode.KeyK, KeyMod.CtrlCmd | KeyCode.KeyT)],
      run: () => theme.toggle(),
    },
    { id: 'a6.settings', label: 'A6: Settings (bearer token)', run: () => void save.openSettings() },
    { id: 'a6.showRun', label: 'View: Show Run', run: () => panel.show('run', true) },
    { id: 'a6.showCompare', label: 'View: Show Compare', run: () => panel.show('compare', true) },
    { id: 'a6.openCompareHtml', label: 'A6: Open the HTML compare report', run: () => compare.html('open') },
    { id: 'a6.copyLink', label: 'A6: Copy link to this view', run: () => url.copyLink() },
  ];
}
