#!/usr/bin/env -S node --import tsx
// The language server alone (`node --import tsx packages/editor/src/lsp/main.ts`), for editors and for
// the LSP test while `a6 lsp` is being wired into the CLI.
import { runLspOverStdio } from './run-lsp-over-stdio.ts';

await runLspOverStdio();
