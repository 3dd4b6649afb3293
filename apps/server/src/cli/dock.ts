import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';

export function registerDockCommand(program: Command) {
  program
    .command('dock')
    .description('Dock agent: upload recordings from docked recorders (each sub-folder of --watch) to the server')
    .requiredOption('--server <url>', 'Baqylau server address')
    .option('--token <token>', 'dock API token (or BAQYLAU_DOCK_TOKEN)')
    .requiredOption('--watch <dir>', 'folder whose sub-folders are docked recorders')
    .option('--parallel <n>', 'files uploaded at once', '2')
    .option('--mapping <file>', 'JSON: folder name → inventory number (when the device has no baqylau-recorder.json)')
    .option('--state <file>', 'where the agent remembers confirmed files (default: <watch>/.baqylau-dock-state.json)')
    .option('--delete-after-confirm', 'remove a file from the device once the server confirmed its SHA-256')
    .option('--once', 'process what is docked now and exit (exit code 1 if anything failed)')
    .option('--chunk-size <bytes>', 'tus PATCH size (default: whole file in one request)')
    .action(async (o) => {
      const token = o.token ?? process.env.BAQYLAU_DOCK_TOKEN;
      if (!token) {
        console.error('Give the dock token with --token or BAQYLAU_DOCK_TOKEN.');
        process.exit(2);
      }
      const { runDockAgent } = await import('../video-evidence/dock-agent/runDockAgent.ts');
      const watch = path.resolve(o.watch);
      const result = await runDockAgent({
        server: o.server,
        token,
        watch,
        parallel: Number(o.parallel),
        deleteAfterConfirm: Boolean(o.deleteAfterConfirm),
        stateFile: o.state ?? path.join(watch, '.baqylau-dock-state.json'),
        mapping: o.mapping ? JSON.parse(fs.readFileSync(o.mapping, 'utf8')) : {},
        once: Boolean(o.once),
        intervalMs: 2000,
        chunkSize: o.chunkSize ? Number(o.chunkSize) : undefined,
        log: (line) => console.log(`${new Date().toISOString().slice(11, 19)} ${line}`),
      });
      if (result && (result.failures || result.remaining)) process.exitCode = 1;
    });
}
