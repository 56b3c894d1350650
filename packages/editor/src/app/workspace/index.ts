export { EditorWorkspace } from './editor-workspace.ts';
export type { DiagnosticsChange, ModifiedChange, WorkspaceFile } from './editor-workspace.ts';
export { modelUri, pathOfModel } from './model-uri.ts';
export { importedPaths } from './imported-paths.ts';
