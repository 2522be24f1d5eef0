import { describe, expect, it } from 'vitest';
import { inFlight } from '../../../src/generate/in-flight.ts';

/** A promise the test settles by hand, so the order of finishing is chosen, not timed. */
function gate(): { promise: Promise<void>; open: () => void } {
  const { promise, resolve } = Promise.withResolvers<void>();
  return { promise, open: () => resolve() };
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('inFlight', () => {
  it('claims in the items order even when later items finish first, and returns results in that order', async () => {
    const claims: number[] = [];
    const finishes: number[] = [];
    const gates = [gate(), gate(), gate(), gate()];
    const running = inFlight([0, 1, 2, 3], 4, async (item, _index, claimed) => {
      claims.push(item);
      claimed();
      await gates[item]?.promise;
      finishes.push(item);
      return `boletín ${String(item)}`;
    });
    await tick();
    expect(claims).toEqual([0, 1, 2, 3]);
    // The last finishes first, the first last.
    for (const item of [3, 2, 1, 0]) {
      gates[item]?.open();
      await tick();
    }
    expect(await running).toEqual(['boletín 0', 'boletín 1', 'boletín 2', 'boletín 3']);
    expect(finishes).toEqual([3, 2, 1, 0]);
  });

  it('holds an item until the one before it has claimed', async () => {
    const claims: number[] = [];
    const beforeClaim = gate();
    const running = inFlight([0, 1], 2, async (item, _index, claimed) => {
      if (item === 0) await beforeClaim.promise;
      claims.push(item);
      claimed();
    });
    await tick();
    expect(claims).toEqual([]);
    beforeClaim.open();
    await running;
    expect(claims).toEqual([0, 1]);
  });

  it('lets the next item go when one finishes without claiming (a bulletin found already published)', async () => {
    const order: number[] = [];
    await inFlight([0, 1, 2], 2, async (item) => {
      order.push(item);
    });
    expect(order).toEqual([0, 1, 2]);
  });

  it('never runs more than the limit at once', async () => {
    let open = 0;
    let most = 0;
    await inFlight([...Array(10).keys()], 3, async (_item, _index, claimed) => {
      claimed();
      open += 1;
      most = Math.max(most, open);
      await tick();
      await tick();
      open -= 1;
    });
    expect(most).toBe(3);
  });

  it('lets the items in flight finish when one fails, starts no new one, then throws the first error', async () => {
    const finished: number[] = [];
    const slow = gate();
    const running = inFlight([0, 1, 2, 3], 2, async (item, _index, claimed) => {
      claimed();
      if (item === 1) throw new Error('interrumpido');
      if (item === 0) await slow.promise;
      finished.push(item);
    });
    await tick();
    slow.open();
    await expect(running).rejects.toThrow('interrumpido');
    expect(finished).toEqual([0]);
  });
});
