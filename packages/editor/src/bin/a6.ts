#!/usr/bin/env -S node --import tsx
import { buildProgram, runProgram } from '@a6/ledger';

const program = buildProgram();
await runProgram(program, process.argv.slice(2));
