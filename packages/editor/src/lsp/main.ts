#!/usr/bin/env -S node --import tsx
// The language server alone (`node --import tsx packages/editor/src/lsp/main.ts`), for editors that start
// it by path and for the LSP test; `a6 lsp` runs the same server.
import { runLspOverStdio } from './run-lsp-over-stdio.ts';

await runLspOverStdio();
