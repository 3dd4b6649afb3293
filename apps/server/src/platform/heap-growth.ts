import v8 from 'node:v8';

/**
 * Lets V8's old generation grow to twice its live size between full collections.
 *
 * V8 counts buffers allocated since the last full GC against the old
 * generation's limit, and collects young buffers only once 32 MB of them exist.
 * An upload allocates one buffer per socket read (64 KiB), so with the default,
 * adaptive growing factor (1.1-1.4 here, a limit 10-25 MB above a ~50 MB heap)
 * a fast upload started a mark-compact every ~100 ms: 40-70 per GB, about
 * 3 CPU s per GB in V8's helper threads, more than hashing costs. With room
 * for more than one round of young buffers the full collections stop (measured:
 * under 1 per GB); the price is a heap of up to twice its live size.
 * The flag is read at each full GC, so setting it at start-up is enough.
 */
export function growHeapForStreaming() {
  v8.setFlagsFromString('--heap-growing-percent=100');
}
