import type { RulebookWorkspace } from '@a6/ledger/store';
import type { Principal } from '../auth/index.ts';
import { ApiError } from '../http/api-error.ts';
import { parseHistoryLine, type EventOf, type StoredEvent } from '@a6/ledger';
import { isConcurrencyError, type EventStore } from '@a6/ledger/store';
import { WorkspaceCompiler } from '../rulebooks/workspace-compiler.ts';
import type { RulebookInForce } from './adopted-rulebook.ts';
import { LiveHistory, type AppendOutcome } from './live-history.ts';

export interface AdoptionOutcome {
  readonly history: string;
  readonly adoption: StoredEvent;
  readonly inForce: RulebookInForce;
  readonly head: { readonly events: number; readonly hash: string };
}

/** Default allowed skew of a client's clock ahead of the server's: 5 minutes. */
export const DEFAULT_MAX_CLOCK_AHEAD_MS = 5 * 60_000;

/** How often an append is re-decided after another process appended first (then 409 `store.concurrency`). */
const CONCURRENCY_RETRIES = 3;

/**
 * The live ledger of a server: one `LiveHistory` per history, loaded on first use, and a queue per
 * history so requests to it are decided and stored one at a time — two clients appending at once get
 * consecutive positions, never a lost or duplicated event. Writers in *other* processes are caught by
 * the store's `expectedHead`: the request is decided again on the caught-up state.
 */
export class LiveLedger {
  private readonly histories = new Map<string, LiveHistory>();
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly compiler: WorkspaceCompiler;

  constructor(
    private readonly store: EventStore,
    private readonly workspace: RulebookWorkspace,
    private readonly clock: () => Date = () => new Date(),
    /** How far ahead of `clock` a non-admin event's `at` may be (docs/reliability.md "The clock"). */
    private readonly maxClockAheadMs: number = DEFAULT_MAX_CLOCK_AHEAD_MS,
  ) {
    this.compiler = new WorkspaceCompiler(workspace);
  }

  async append(history: string, items: readonly unknown[], principal: Principal): Promise<AppendOutcome> {
    const now = this.clock();
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.exclusive(history, (live) => live.append(items, principal, now, this.maxClockAheadMs));
      } catch (error) {
        if (!isConcurrencyError(error) || attempt >= CONCURRENCY_RETRIES) throw error;
      }
    }
  }

  /** Puts rulebook `name` of workspace file `file` in force for `history` (`RulebookAdopted`). */
  async adopt(history: string, file: string, name: string | undefined): Promise<AdoptionOutcome> {
    const compiled = await this.compiler.compile(file, name);
    if (!compiled.ok) {
      const errors = compiled.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
      throw new ApiError(422, 'rulebook.invalid', `${file}${name === undefined ? '' : `#${name}`} cannot be adopted: ${errors[0]?.message ?? 'errors'}`, compiled.diagnostics);
    }
    const { rulebook, declaringFile, declaringSource } = compiled;
    return this.exclusive(history, async (live) => {
      const parsed = parseHistoryLine(
        JSON.stringify({
          type: 'RulebookAdopted',
          at: live.stamp(this.clock()),
          data: { name: rulebook.name, sha256: rulebook.sha256, imports: rulebook.imports, source: declaringSource },
          // Where it came from, so a restarted server finds the same files again (adopted-rulebook.ts).
          meta: { file, declaredIn: declaringFile },
        }),
        1,
      );
      if (!parsed.ok) throw new Error(`RulebookAdopted failed the event schema: ${parsed.issues[0]?.message}`);
      const adoption = await live.appendAdoption(parsed.event as EventOf<'RulebookAdopted'>);
      const reloaded = await this.refresh(history);
      return { history, adoption, inForce: reloaded.inForce!, head: { events: reloaded.events, hash: reloaded.hash } };
    });
  }

  /** The rulebook in force (loads the history when needed). */
  async inForce(history: string): Promise<RulebookInForce | null> {
    return this.exclusive(history, async (live) => live.inForce);
  }

  /** Loads histories ahead of their first request (server start). */
  async warm(histories: readonly string[]): Promise<void> {
    for (const history of histories) await this.exclusive(history, async () => undefined);
  }

  /** Runs `task` alone on the history's live state, brought up to date with the store first. */
  private exclusive<T>(history: string, task: (live: LiveHistory) => Promise<T>): Promise<T> {
    const previous = this.queues.get(history) ?? Promise.resolve();
    const turn = previous.then(async () => task(await this.refresh(history)));
    const settled = turn.then(
      () => undefined,
      () => undefined,
    );
    this.queues.set(history, settled);
    // Fire-and-forget cleanup: `settled` never rejects (both outcomes map to undefined above).
    void settled.then(() => {
      if (this.queues.get(history) === settled) this.queues.delete(history);
    });
    return turn;
  }

  private async refresh(history: string): Promise<LiveHistory> {
    let live = this.histories.get(history);
    for (let attempt = 0; attempt < 3; attempt++) {
      if (live === undefined || live.stale) {
        this.histories.delete(history);
        live = await LiveHistory.load(this.store, this.workspace, history);
      }
      if ((await live.catchUp()) && !live.stale) {
        this.histories.set(history, live);
        return live;
      }
      live = undefined;
    }
    throw new Error(`history ${history} keeps changing while it is loaded; giving up after 3 attempts`);
  }
}
