export { EDITOR_DIST_DIR, EDITOR_VITE_CONFIG } from './editor-app-paths.ts';
export { buildEditorApp } from './build-editor-app.ts';
export type { BuildEditorAppOptions } from './build-editor-app.ts';
export { previewEditorApp } from './serve-editor-app.ts';
export type { RunningEditorApp } from './serve-editor-app.ts';
