import { monaco } from '../monaco/index.ts';

/** Models live under `a6:/<path>`; the path is the one the worker, the checker and the server use. */
const SCHEME = 'a6';

export function modelUri(path: string): monaco.Uri {
  return monaco.Uri.from({ scheme: SCHEME, path: `/${path}` });
}

/** The file path of a model, or `undefined` for models that are not rulebook files. */
export function pathOfModel(model: monaco.editor.ITextModel): string | undefined {
  return model.uri.scheme === SCHEME ? model.uri.path.slice(1) : undefined;
}
