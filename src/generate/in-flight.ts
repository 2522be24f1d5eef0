/**
 * Runs `work` on every item with at most `limit` at once, and returns the results in the items' order.
 *
 * Items start in order, and each is handed `claimed`, a call that lets the next item pass its own
 * ordered step: item i+1 starts only once item i has called it (or finished). The batch uses it so that
 * bulletins take their numbers in order of issue while their rendering overlaps.
 *
 * Every item runs to its end even when one throws (so nothing is left half done behind the caller's
 * `finally`); then the first error is thrown.
 */
export async function inFlight<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number, claimed: () => void) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  const turns = items.map(() => Promise.withResolvers<void>());
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      const turn = turns[index];
      if (turn === undefined) return;
      try {
        if (index > 0) await turns[index - 1]?.promise;
        // Once one item failed (Ctrl-C, an unexpected error), the items not yet started are not started.
        if (failure !== undefined) continue;
        results[index] = await work(items[index] as T, index, () => turn.resolve());
      } catch (error) {
        failure ??= { error };
      } finally {
        turn.resolve();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (failure !== undefined) throw failure.error;
  return results;
}
