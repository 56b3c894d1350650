/**
 * Shared conventions of every `a6` command (docs/cli.md): `--json` prints exactly one JSON document on
 * stdout; errors as `{"error": {code, message, details?}}`; exit codes 0 ok, 1 invalid input, 2 usage,
 * 3 internal or storage failure. Diagnostics, progress and logs go to stderr.
 */
export const EXIT_OK = 0;
export const EXIT_INVALID_INPUT = 1;
export const EXIT_USAGE = 2;
export const EXIT_INTERNAL = 3;

export interface CliErrorBody {
  readonly code: string;
  readonly message: string;
  readonly details?: unknown;
}

/** A failure a command reports to the user (invalid input, usage, storage): not a programmer fault. */
export class CliFailure extends Error {
  constructor(
    readonly exitCode: number,
    readonly body: CliErrorBody,
    /** Human lines for stderr (diagnostics); when absent the message is printed. */
    readonly lines: readonly string[] = [],
  ) {
    super(body.message);
    this.name = 'CliFailure';
  }
}

export function isCliFailure(error: unknown): error is CliFailure {
  return error instanceof CliFailure;
}

export function writeJson(document: unknown): void {
  process.stdout.write(JSON.stringify(document, null, 2) + '\n');
}

export function writeLine(line = ''): void {
  process.stdout.write(line + '\n');
}

export function writeError(line: string): void {
  process.stderr.write(line + '\n');
}

let quietOnClosedStdout = false;

/**
 * For commands that stream NDJSON to stdout (`export`, `import-a62`): a reader that goes away
 * (`a6 export | head`) ends the process quietly with its exit code so far, instead of an unhandled
 * EPIPE stack trace and exit 1 (which docs/cli.md reserves for invalid input). Installed once per process.
 */
export function endQuietlyWhenStdoutCloses(): void {
  if (quietOnClosedStdout) return;
  quietOnClosedStdout = true;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

/** Report a failure in the form the command was asked for and set the exit code. */
export function reportFailure(failure: CliFailure, json: boolean): void {
  if (json) writeJson({ error: failure.body });
  if (failure.lines.length > 0) for (const line of failure.lines) writeError(line);
  else writeError(`error[${failure.body.code}]: ${failure.body.message}`);
  process.exitCode = failure.exitCode;
}
