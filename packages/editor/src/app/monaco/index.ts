export { monaco } from './monaco.ts';
export { installMonacoEnvironment } from './monaco-environment.ts';
