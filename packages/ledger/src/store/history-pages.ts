/**
 * Groups a stream of events into pages: `EventStore.readHistoryPages` for backends whose client
 * delivers events one by one (docs/performance.md: replay folds pages, one promise per page).
 */
export async function* pagesOf<T>(items: AsyncIterable<T>, size = HISTORY_PAGE): AsyncGenerator<T[]> {
  let page: T[] = [];
  for await (const item of items) {
    page.push(item);
    if (page.length >= size) {
      yield page;
      page = [];
    }
  }
  if (page.length > 0) yield page;
}

/** Events per page when a history is read for a replay. */
export const HISTORY_PAGE = 10_000;
