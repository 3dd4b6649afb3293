import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { createFsBlobStore } from '../../../src/platform/storage/fs-store.ts';
import { storageContract } from '../../support/storage-contract.ts';

// The same contract runs against the S3 driver on a real Ceph RGW (test/storage/s3-store.s3.test.ts).
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'baqylau-contract-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
storageContract('filesystem', async () => createFsBlobStore(root));
