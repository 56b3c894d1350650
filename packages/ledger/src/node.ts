// Node-only entry of @a6/ledger: history files on disk, decoded exactly like an import.
export { readHistoryFile, readHistoryLines, streamHistoryFile, validateHistoryFile } from './events/history-file.ts';
export { readHistoryFileInOnePass, type OnePassRead, type OnePassResult } from './events/history-file-pass.ts';
