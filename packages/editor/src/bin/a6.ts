#!/usr/bin/env -S node --import tsx
// The `a6` entry point (docs/cli.md); every command is registered in cli/build-program.ts.
import { buildProgram, runProgram } from '../cli/index.ts';

await runProgram(buildProgram(), process.argv.slice(2));
