import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { almatyToday, startDemoServer } from './server.ts';

/**
 * The browser tier's global set-up: seeds the demo once into a data folder that every test file's
 * server starts from a copy of (seeding all four rule sets took ~20 s a file under CI load). Each
 * file still gets its own server and its own copy, so no file sees another's changes.
 * BAQYLAU_E2E_FRESH_DEMO=1 seeds in every file instead.
 */
export default async function setup() {
  if (process.env.BAQYLAU_E2E_FRESH_DEMO) return; // every file seeds its own demo, as before
  const server = await startDemoServer(null);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baqylau-e2e-snapshot-'));
  await server.stop({ keepDataIn: dir });
  process.env.BAQYLAU_E2E_DEMO_SNAPSHOT = JSON.stringify({ dir, day: almatyToday() });
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
