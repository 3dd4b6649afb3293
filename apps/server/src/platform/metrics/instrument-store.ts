import type { BlobStore } from '../storage/storage.ts';
import { storageErrors } from './metrics.ts';

/** The same store, counting each failed operation (a locked delete refused by S3 counts too). */
export function instrumentStore(store: BlobStore): BlobStore {
  const counted =
    <A extends unknown[], R>(operation: string, fn: (...a: A) => Promise<R>) =>
    async (...a: A): Promise<R> => {
      try {
        return await fn(...a);
      } catch (e) {
        storageErrors.inc({ operation });
        throw e;
      }
    };
  return {
    ...store,
    put: counted('put', store.put.bind(store)),
    commitStaged: counted('commit', store.commitStaged.bind(store)),
    get: counted('get', store.get.bind(store)),
    stat: counted('stat', store.stat.bind(store)),
    delete: counted('delete', store.delete.bind(store)),
    ...(store.protect ? { protect: counted('protect', store.protect.bind(store)) } : {}),
    ...(store.ping ? { ping: counted('ping', store.ping.bind(store)) } : {}),
  };
}
