/** A line every 30 s while a long phase runs (hashing or copying a large store), so the operator sees it move. */
export function progress(log: (line: string) => void, label: string, total: number, everyMs = 30_000) {
  let last = Date.now();
  let bytes = 0;
  return (done: number, size = 0) => {
    bytes += size;
    if (Date.now() - last < everyMs || done >= total) return;
    last = Date.now();
    log(`  ${label}: ${done}/${total} objects${bytes ? `, ${(bytes / 2 ** 30).toFixed(2)} GiB` : ''}…`);
  };
}
