import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { a62HistoryNdjson, convertCaToolSnapshot, decodeCaToolSnapshot, formatA62Issue } from '@a6/ledger';
import { CliFailure, EXIT_INVALID_INPUT, endQuietlyWhenStdoutCloses } from '../cli-io.ts';

/**
 * `a6 import-a62 FILE.json` (cli.md): converts the Article 6.2 CA tool snapshot into history NDJSON on
 * stdout. Nothing is written to a store: pipe it into `a6 import` or save it as an example history.
 */
export function registerImportA62Command(program: Command): void {
  program
    .command('import-a62')
    .description('convert the Article 6.2 CA tool snapshot (shared/data) into history NDJSON on stdout')
    .argument('<file>', 'the snapshot JSON (a62-ca-tool-snapshot-*.json)')
    .action(async (file: string) => {
      endQuietlyWhenStdoutCloses();
      process.stdout.write(await importA62(file));
    });
}

/** The NDJSON text for a snapshot file; throws `CliFailure` on unreadable or unconvertible input. */
async function importA62(file: string): Promise<string> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new CliFailure(EXIT_INVALID_INPUT, { code: 'a62.unreadable', message: `${file}: ${message}` });
  }
  const decoded = decodeCaToolSnapshot(json);
  const converted = decoded.ok ? convertCaToolSnapshot(decoded.value) : decoded;
  if (!converted.ok) {
    const first = converted.issues[0]!;
    throw new CliFailure(
      EXIT_INVALID_INPUT,
      { code: first.code, message: `${file}: ${converted.issues.length} problem(s) in the snapshot`, details: converted.issues },
      converted.issues.map((issue) => formatA62Issue(file, issue)),
    );
  }
  return a62HistoryNdjson(converted.value);
}
