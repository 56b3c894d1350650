/**
 * F6 / Shift+F6 moves focus between the page's regions (side bar, editor, results, status bar), the
 * convention of VS Code and browsers, because Tab inside Monaco inserts a tab instead of leaving.
 */
export function installRegionNavigation(regions: readonly HTMLElement[], focusEditor: () => void, editorRegion: HTMLElement): void {
  document.addEventListener(
    'keydown',
    (event) => {
      if (event.key !== 'F6' || event.altKey || event.ctrlKey || event.metaKey) return;
      event.preventDefault();
      event.stopPropagation();
      const current = regions.findIndex((region) => region.contains(document.activeElement));
      const step = event.shiftKey ? -1 : 1;
      const next = regions[(current + step + regions.length) % regions.length]!;
      if (next === editorRegion) focusEditor();
      else next.focus();
    },
    // Capture phase: Monaco stops keydown events that reach it.
    true,
  );
}
