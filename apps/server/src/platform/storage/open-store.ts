import path from 'node:path';
import { ConfigError, type Config } from '../../config/config.ts';
import { freeSpace } from './free-space.ts';
import { createFsBlobStore } from './fs-store.ts';
import { checkS3Bucket } from './s3-bucket-check.ts';
import { createS3BlobStore } from './s3-store.ts';
import type { BlobStore } from './storage.ts';
import { instrumentStore } from '../metrics/instrument-store.ts';

/** The store STORAGE names; an S3 bucket is checked first (versioning, Object Lock), or start-up stops naming the setting. */
export async function openBlobStore(config: Config): Promise<BlobStore> {
  if (config.storage !== 's3')
    return instrumentStore(await withReserveChecked(config, createFsBlobStore(path.join(config.dataDir, 'blobs'))));
  const store = createS3BlobStore(s3OptionsOf(config));
  await checkS3Bucket(store.client, store.bucket);
  return instrumentStore(await withReserveChecked(config, store));
}

/** A reserve the staging file system cannot hold would refuse every upload: start-up stops naming the setting. */
async function withReserveChecked<S extends BlobStore>(config: Config, store: S): Promise<S> {
  const { totalBytes } = await freeSpace(store.stagingDir);
  const reserve = config.storageReserveMb * 2 ** 20;
  if (reserve >= totalBytes)
    throw new ConfigError(
      'config.storage_reserve_too_large',
      { reserve: config.storageReserveMb, dir: store.stagingDir, total: Math.floor(totalBytes / 2 ** 20) },
      `Invalid configuration: STORAGE_RESERVE_MB=${config.storageReserveMb} is not smaller than the file system of ${store.stagingDir} ` +
        `(${Math.floor(totalBytes / 2 ** 20)} MiB): every upload would be refused`,
    );
  return store;
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
