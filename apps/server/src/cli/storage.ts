import type { Command } from 'commander';
import { configFrom, dbOptions } from './options.ts';

export function registerStorageCommands(program: Command) {
  const storage = program.command('storage').description('Write-once evidence store');
  dbOptions(
    storage.command('scrub').description('Re-hash every stored original; exit 1 and name each recording whose bytes changed (R444-13)'),
  ).action(async (o) => {
    const { buildRuntime } = await import('../composition/runtime.ts');
    const { scrubStore } = await import('../video-evidence/recordings/scrubStore.ts');
    const { deps, database } = await buildRuntime(configFrom(o));
    try {
      const started = performance.now();
      const r = await scrubStore(deps);
      const s = (performance.now() - started) / 1000;
      for (const d of r.damaged) {
        console.log(
          `CRITICAL recording ${d.recordingId} (${d.originalName}): expected sha256 ${d.expected}, found ${d.actual ?? 'no object'}`,
        );
      }
      console.log(
        `${r.checked} recordings checked, ${(r.bytes / 2 ** 20).toFixed(1)} MiB hashed in ${s.toFixed(1)} s, ${r.damaged.length} damaged.`,
      );
      process.exitCode = r.damaged.length ? 1 : 0;
    } finally {
      await database.close();
    }
  });
}
