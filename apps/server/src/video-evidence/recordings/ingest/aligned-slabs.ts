/** The alignment O_DIRECT asks of a buffer's address, a file offset and a length (the page size covers every block size in use). */
export const DIRECT_ALIGN = 4096;

const WASM_PAGE = 64 * 1024;
/** The runtime's WebAssembly.Memory (the server's TypeScript libraries declare no DOM or WebAssembly globals). */
const WasmMemory = (globalThis as unknown as { WebAssembly: { Memory: new (d: { initial: number }) => { buffer: ArrayBuffer } } })
  .WebAssembly.Memory;
/** Slabs are carved from memories of this size, so a busy server maps few of them (each reserves address space). */
const MEMORY_BYTES = 16 << 20;

/**
 * Reused write buffers whose addresses are page-aligned, as O_DIRECT writes
 * require. Node cannot align a Buffer it allocates; a WebAssembly memory is
 * mapped by V8 with mmap, so its first byte is page-aligned, and slabs of a
 * multiple of the page size cut from it stay aligned. Memories are never grown
 * (growing detaches their buffers) and never freed: a slab given back is handed
 * out again, so the pool holds what the busiest moment needed and no more
 * (pages of a memory no slab has touched cost no RSS).
 */
export class AlignedSlabPool {
  private readonly free = new Map<number, Buffer[]>();
  private readonly pooled = new WeakSet<Buffer>();

  /** `mapMemory` maps a page-aligned region of the given size (a WebAssembly memory unless a test says otherwise). */
  constructor(private readonly mapMemory = (bytes: number) => new WasmMemory({ initial: Math.ceil(bytes / WASM_PAGE) }).buffer) {}

  take(bytes: number): Buffer {
    if (bytes <= 0 || bytes % DIRECT_ALIGN !== 0) throw new Error(`slab of ${bytes} bytes: not a multiple of ${DIRECT_ALIGN}`);
    const list = this.free.get(bytes) ?? [];
    this.free.set(bytes, list);
    if (list.length === 0) {
      const perMemory = Math.max(1, Math.floor(MEMORY_BYTES / bytes));
      let memory: ArrayBuffer;
      try {
        memory = this.mapMemory(perMemory * bytes);
      } catch {
        // Out of address space for another memory: an unaligned buffer, which direct writes refuse (EINVAL)
        // and the staged writer then writes buffered. Slower, never wrong.
        return Buffer.allocUnsafeSlow(bytes);
      }
      for (let i = perMemory - 1; i >= 0; i--) {
        const slab = Buffer.from(memory, i * bytes, bytes);
        this.pooled.add(slab);
        list.push(slab);
      }
    }
    return list.pop()!;
  }

  give(slab: Buffer) {
    if (this.pooled.has(slab)) this.free.get(slab.length)?.push(slab);
  }
}
