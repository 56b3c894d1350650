import type { Command } from 'commander';
import { checkProgram, formatDiagnostic, type Diagnostic } from '@a6/dsl';
import { nodeSourceHost } from '@a6/dsl/node';
import { CliFailure, EXIT_INVALID_INPUT, writeError, writeJson } from '../cli-io.ts';

interface CheckOptions {
  readonly json?: boolean;
}

/** `a6 check FILE.a6…` (cli.md): parse and type-check rulebook files and everything they import. */
export function registerCheckCommand(program: Command): void {
  program
    .command('check')
    .description('parse and type-check rulebook files (and the files they import)')
    .argument('<files...>', 'rulebook files (.a6), relative to the working directory')
    .option('--json', 'print one JSON document on stdout (see below)')
    .addHelpText(
      'after',
      [
        '',
        'Diagnostics go to stderr as FILE:LINE:COL: severity[code]: message, then a summary line.',
        'Exit 0 when no file has an error (warnings allowed), 1 on any error.',
        '',
        'With --json, stdout holds exactly one document:',
        '  no errors:  {"files": [FILE…], "diagnostics": [DIAGNOSTIC…]}   (warnings only)',
        '  errors:     {"error": {"code": "dsl.check_failed", "message": "…",',
        '               "details": {"files": [FILE…], "diagnostics": [DIAGNOSTIC…]}}}',
        'FILE lists every file checked, imports included. A DIAGNOSTIC is {code, severity, file, span,',
        'start: {line, column}, end: {line, column}, message, data?} with 1-based lines and UTF-16 columns.',
      ].join('\n'),
    )
    .action((files: string[], options: CheckOptions) => {
      runCheck(files, options.json === true);
    });
}

function runCheck(entryPaths: readonly string[], json: boolean): void {
  const { diagnostics, program } = checkProgram(nodeSourceHost(process.cwd()), entryPaths);
  const files = [...program.files.keys()];
  // An entry that could not be read is still a file the user asked about.
  for (const path of entryPaths) if (!files.includes(path)) files.push(path);
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  const lines = [...diagnostics.map(formatDiagnostic), summarize(files.length, diagnostics)];
  if (errors > 0) {
    throw new CliFailure(
      EXIT_INVALID_INPUT,
      {
        code: 'dsl.check_failed',
        message: `${count(errors, 'error')} in ${count(files.length, 'file')}`,
        details: { files, diagnostics },
      },
      lines,
    );
  }
  for (const line of lines) writeError(line);
  if (json) writeJson({ files, diagnostics });
}

/** `3 files checked: 0 errors, 1 warning`. */
function summarize(fileCount: number, diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  const warnings = diagnostics.filter((diagnostic) => diagnostic.severity === 'warning').length;
  return `${count(fileCount, 'file')} checked: ${count(errors, 'error')}, ${count(warnings, 'warning')}`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
