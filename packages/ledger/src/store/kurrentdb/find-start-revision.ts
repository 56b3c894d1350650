/**
 * Seq checkpoints → KurrentDB positions: the head stream has one event per atomic append, in order,
 * each naming its `firstSeq`. The append holding `fromSeq` is the last one whose `firstSeq` is at most
 * `fromSeq`; a binary search over head revisions finds it in O(log appends) single-event reads. The
 * read of `$all` then starts at the position of the head event *before* it (its own head event may
 * not be the first record of its transaction in the log).
 */
export async function findStartRevision(fromSeq: number, lastRevision: number, firstSeqAt: (revision: number) => Promise<number>): Promise<number> {
  let low = 0;
  let high = lastRevision;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((await firstSeqAt(middle)) <= fromSeq) low = middle;
    else high = middle - 1;
  }
  return low;
}
