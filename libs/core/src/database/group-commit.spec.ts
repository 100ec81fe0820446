import { GroupCommit } from './group-commit';

/** A write that records what it was given and answers once released. */
function recordingWrite(fail?: (items: string[]) => boolean) {
  const writes: string[][] = [];
  const waiting: Array<() => void> = [];
  const writeMany = (items: string[]) =>
    new Promise<string[]>((resolve, reject) => {
      writes.push(items);
      waiting.push(() => (fail?.(items) ? reject(new Error(`refused ${items.join(',')}`)) : resolve(items.map((i) => `stored ${i}`))));
    });
  const releaseAll = async () => {
    while (waiting.length > 0) {
      (waiting.shift() as () => void)();
      await new Promise((r) => setImmediate(r));
    }
  };
  return { writes, writeMany, releaseAll };
}

describe('GroupCommit', () => {
  it('writes what arrives during a write together in the next one, each caller getting its own result', async () => {
    const w = recordingWrite();
    const group = new GroupCommit(w.writeMany, { maxInFlight: 1, maxWeight: 100, weight: () => 1 });
    const results = ['a', 'b', 'c', 'd'].map((item) => group.submit(item));
    await w.releaseAll();
    expect(await Promise.all(results)).toEqual(['stored a', 'stored b', 'stored c', 'stored d']);
    expect(w.writes).toEqual([['a'], ['b', 'c', 'd']]);
  });

  it('keeps each write within the weight and the writes in flight within the limit', async () => {
    const w = recordingWrite();
    const group = new GroupCommit(w.writeMany, { maxInFlight: 2, maxWeight: 5, weight: (item: string) => item.length });
    const results = ['aaa', 'bb', 'c', 'dd', 'eeeeee', 'f'].map((item) => group.submit(item));
    expect(w.writes).toEqual([['aaa'], ['bb']]);
    await w.releaseAll();
    await Promise.all(results);
    expect(w.writes).toEqual([['aaa'], ['bb'], ['c', 'dd'], ['eeeeee'], ['f']]);
  });

  it('retries a failed shared write item by item, so only the bad item fails', async () => {
    const w = recordingWrite((items) => items.includes('bad'));
    const failures: number[] = [];
    const group = new GroupCommit(w.writeMany, { maxInFlight: 1, maxWeight: 100, weight: () => 1, onSharedFailure: (_e, n) => failures.push(n) });
    const first = group.submit('first');
    const rest = ['x', 'bad', 'y'].map((item) => group.submit(item).catch((e: Error) => e.message));
    await w.releaseAll();
    expect(await first).toBe('stored first');
    expect(await Promise.all(rest)).toEqual(['stored x', 'refused bad', 'stored y']);
    expect(failures).toEqual([3]);
  });
});
