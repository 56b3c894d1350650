/** Called with the selected value after it changed, and the value before. */
export type WatchListener<T> = (value: T, previous: T | undefined) => void;

interface Watcher<S> {
  readonly select: (state: S) => unknown;
  readonly listener: WatchListener<unknown>;
  last: unknown;
}

/**
 * Equal when identical, or when both are arrays (or plain objects) whose items are identical: a
 * selector may return a fresh tuple of slices and still fire only when one of the slices changed.
 */
export function shallowEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => Object.is(item, b[index]));
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && Object.is(a[key], b[key]));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/**
 * One immutable state value and its watchers. `set` replaces fields and tells, synchronously and in
 * the order they started watching, each watcher whose selected value changed (by `shallowEqual`), so
 * a view is up to date when `set` returns. A listener may `set` again: the watchers after it then see
 * the newest state, and none is told the same value twice.
 */
export class Store<S extends object> {
  private current: S;
  private readonly watchers = new Set<Watcher<S>>();

  constructor(initial: S) {
    this.current = initial;
  }

  get state(): S {
    return this.current;
  }

  set(patch: Partial<S>): void {
    this.current = { ...this.current, ...patch };
    this.notify();
  }

  /** `set` with fields computed from the state as it is now (for nested slices: `{ replay: { ...state.replay, … } }`). */
  update(recipe: (state: S) => Partial<S>): void {
    this.set(recipe(this.current));
  }

  /**
   * Calls `listener` whenever `select(state)` changes; with `immediate`, once now as well. Returns
   * the way to stop.
   */
  watch<T>(select: (state: S) => T, listener: WatchListener<T>, options: { readonly immediate?: boolean } = {}): () => void {
    const watcher: Watcher<S> = { select, listener: listener as WatchListener<unknown>, last: select(this.current) };
    this.watchers.add(watcher);
    if (options.immediate) listener(watcher.last as T, undefined);
    return () => {
      this.watchers.delete(watcher);
    };
  }

  private notify(): void {
    for (const watcher of [...this.watchers]) {
      if (!this.watchers.has(watcher)) continue;
      const value = watcher.select(this.current);
      if (shallowEqual(value, watcher.last)) continue;
      const previous = watcher.last;
      watcher.last = value;
      watcher.listener(value, previous);
    }
  }
}
