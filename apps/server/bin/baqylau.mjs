#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx's loader: one artefact, no build step to forget.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli/index.ts');
await runCli(process.argv);
