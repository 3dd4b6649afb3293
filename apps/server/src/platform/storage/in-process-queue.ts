const queues = new Map<string, Promise<void>>();

/**
 * Runs `fn` once every earlier call with the same key has finished (failed ones too): the PGlite side of the
 * store's locks, where one process owns the data folder. A key's entry goes when its queue drains.
 */
export async function inProcessQueue<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  const mine = previous.then(() => held);
  queues.set(key, mine);
  await previous;
  try {
    return await fn();
  } finally {
    release();
    if (queues.get(key) === mine) queues.delete(key);
  }
}
