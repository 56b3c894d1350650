import type { LanguageSession } from './language-session.ts';
import type { FileDiagnostics } from './protocol.ts';

/** ~150 ms: long enough to skip the passes a fast typist would make stale, short enough to feel live. */
const DIAGNOSTICS_DEBOUNCE_MS = 150;

export interface DiagnosticsPublisher {
  (files: readonly FileDiagnostics[], durationMs: number): void;
}

/**
 * Runs the diagnostic passes after edits go quiet. The syntax pass is published at once; the checker
 * runs one macrotask later, so edits that arrived meanwhile are applied first — and if any did, the
 * checker's result would describe text the user has already changed, so that pass is dropped and the
 * next debounce runs it on the new text.
 */
export class DiagnosticsScheduler {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private generation = 0;

  constructor(
    private readonly session: LanguageSession,
    private readonly publish: DiagnosticsPublisher,
    private readonly debounceMs = DIAGNOSTICS_DEBOUNCE_MS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Call after every change to the session's files. */
  changed(): void {
    this.generation++;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.run(), this.debounceMs);
  }

  private run(): void {
    this.timer = null;
    const generation = this.generation;
    const syntaxStarted = this.now();
    const syntax = this.session.syntaxPass();
    if (syntax.length > 0) this.publish(syntax, this.now() - syntaxStarted);
    setTimeout(() => {
      if (generation !== this.generation) return;
      const checkStarted = this.now();
      const checked = this.session.checkPass();
      if (generation !== this.generation) return;
      this.publish(checked, this.now() - checkStarted);
    }, 0);
  }
}
