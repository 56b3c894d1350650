import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { formatDiagnostic, formatRulebookFile, type Diagnostic } from '@a6/dsl';
import { CliFailure, EXIT_INVALID_INPUT, writeError, writeJson } from '../cli-io.ts';

interface FmtOptions {
  readonly check?: boolean;
  readonly json?: boolean;
}

interface FileOutcome {
  readonly file: string;
  readonly changed: boolean;
}

/** `a6 fmt [--check] FILE.a6…` (docs/cli.md): canonical formatting in place. */
export function registerFmtCommand(program: Command): void {
  program
    .command('fmt')
    .description('format rulebook files in place in the canonical layout')
    .argument('<files...>', 'rulebook files (.a6), relative to the working directory')
    .option('--check', 'write nothing; exit 1 if a file would change (its name goes to stderr)')
    .option('--json', 'print one JSON document on stdout (see below)')
    .addHelpText(
      'after',
      [
        '',
        'A file with syntax errors is never formatted: its diagnostics go to stderr as',
        'FILE:LINE:COL: error[dsl.syntax]: message, nothing is written (not even the other files), exit 1.',
        'Files already in the canonical layout are not touched.',
        '',
        'With --json, stdout holds exactly one document:',
        '  success:          {"files": [{"file": FILE, "changed": BOOL}…]}',
        '  --check, changes: {"error": {"code": "fmt.unformatted", "message": "…", "details": {"files": […]}}}',
        '  syntax errors:    {"error": {"code": "dsl.syntax", "message": "…", "details": {"diagnostics": […]}}}',
      ].join('\n'),
    )
    .action((files: string[], options: FmtOptions) => {
      runFmt(files, options.check === true, options.json === true);
    });
}

function runFmt(files: readonly string[], check: boolean, json: boolean): void {
  const formatted: { file: string; text: string; changed: boolean }[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    const source = readSource(file);
    const result = formatRulebookFile(source, file);
    if (result.ok) formatted.push({ file, text: result.text, changed: result.text !== source });
    else diagnostics.push(...result.diagnostics);
  }
  if (diagnostics.length > 0) {
    const broken = new Set(diagnostics.map((diagnostic) => diagnostic.file)).size;
    throw new CliFailure(
      EXIT_INVALID_INPUT,
      {
        code: 'dsl.syntax',
        message: `${count(diagnostics.length, 'syntax error')} in ${count(broken, 'file')}; nothing was formatted`,
        details: { diagnostics },
      },
      diagnostics.map(formatDiagnostic),
    );
  }
  const outcomes: FileOutcome[] = formatted.map(({ file, changed }) => ({ file, changed }));
  const changed = formatted.filter((entry) => entry.changed);
  if (check) {
    if (changed.length > 0) {
      throw new CliFailure(
        EXIT_INVALID_INPUT,
        { code: 'fmt.unformatted', message: `${count(changed.length, 'file')} would be reformatted`, details: { files: outcomes } },
        changed.map((entry) => entry.file),
      );
    }
  } else {
    for (const entry of changed) writeFileSync(entry.file, entry.text);
    for (const entry of changed) writeError(entry.file);
  }
  if (json) writeJson({ files: outcomes });
}

function readSource(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliFailure(EXIT_INVALID_INPUT, { code: 'fmt.unreadable', message: `cannot read ${file}: ${reason}` });
  }
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
