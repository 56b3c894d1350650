export { EditorWorkspace } from './editor-workspace.ts';
export type { DiagnosticsChange, WorkspaceFile } from './editor-workspace.ts';
export { modelUri, pathOfModel } from './model-uri.ts';
