import { monaco } from '../monaco/index.ts';
import type { FileEdit, FileLocation, LineColumn, TextEdit, TextRange } from '../worker/index.ts';
import { modelUri } from '../workspace/index.ts';

/** Protocol positions are 1-based line/column in UTF-16 units, like Monaco's: no arithmetic needed. */
export function toMonacoRange(range: TextRange): monaco.Range {
  return new monaco.Range(range.start.line, range.start.column, range.end.line, range.end.column);
}

export function fromMonacoPosition(position: monaco.IPosition): LineColumn {
  return { line: position.lineNumber, column: position.column };
}

export function fromMonacoRange(range: monaco.IRange): TextRange {
  return {
    start: { line: range.startLineNumber, column: range.startColumn },
    end: { line: range.endLineNumber, column: range.endColumn },
  };
}

export function toMonacoLocation(location: FileLocation): monaco.languages.Location {
  return { uri: modelUri(location.path), range: toMonacoRange(location.range) };
}

export function toMonacoTextEdit(edit: TextEdit): monaco.languages.TextEdit {
  return { range: toMonacoRange(edit.range), text: edit.newText };
}

export function toMonacoWorkspaceEdit(edits: readonly FileEdit[]): monaco.languages.WorkspaceEdit {
  return {
    edits: edits.flatMap((file) =>
      file.edits.map((edit) => ({
        resource: modelUri(file.path),
        textEdit: toMonacoTextEdit(edit),
        versionId: undefined,
      })),
    ),
  };
}
