import path from 'node:path';
import type { Config } from '../../config/config.ts';
import { createFsBlobStore } from './fs-store.ts';
import { checkS3Bucket } from './s3-bucket-check.ts';
import { createS3BlobStore } from './s3-store.ts';
import type { BlobStore } from './storage.ts';
import { instrumentStore } from '../metrics/instrument-store.ts';

/** The store STORAGE names; an S3 bucket is checked first (versioning, Object Lock), or start-up stops naming the setting. */
export async function openBlobStore(config: Config): Promise<BlobStore> {
  if (config.storage !== 's3') return instrumentStore(createFsBlobStore(path.join(config.dataDir, 'blobs')));
  const store = createS3BlobStore(s3OptionsOf(config));
  await checkS3Bucket(store.client, store.bucket);
  return instrumentStore(store);
}

export const s3OptionsOf = (config: Config) => ({
  endpoint: config.s3Endpoint,
  bucket: config.s3Bucket!,
  region: config.s3Region,
  accessKeyId: config.s3AccessKeyId,
  secretAccessKey: config.s3SecretAccessKey,
  forcePathStyle: config.s3ForcePathStyle,
  stagingDir: path.resolve(config.s3StagingDir ?? path.join(config.dataDir, 'blobs', 'staging')),
});
