#!/usr/bin/env -S node --import tsx
// The `a6` entry point: the ledger's commands plus the ones that need the editor package (`serve`,
// `token`, `lsp`), which is the one package that sees dsl, ledger and editor (cli.md).
import { buildProgram, runProgram } from '@a6/ledger';
import { registerLspCommand } from '../lsp/index.ts';
import { registerServeCommand, registerTokenCommand } from '../serve-command.ts';

const program = buildProgram();
registerServeCommand(program);
registerTokenCommand(program);
registerLspCommand(program);
await runProgram(program, process.argv.slice(2));
