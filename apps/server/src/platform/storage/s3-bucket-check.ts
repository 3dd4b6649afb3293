import { GetBucketVersioningCommand, GetObjectLockConfigurationCommand, type S3Client } from '@aws-sdk/client-s3';
import { StartupError } from '../errors.ts';

/** The bucket cannot hold originals: coded (`common:startup.storage.*`), naming S3_BUCKET and the bucket's setting. */
export class BucketNotReady extends StartupError {}

/**
 * Start-up check of the S3 bucket (STORAGE=s3): the server refuses to start unless originals can be locked.
 * Versioning and Object Lock are what make the store itself refuse an early delete or an overwrite; a default
 * retention is refused too, because it would also lock derived files that the retention purge must remove.
 */
export async function checkS3Bucket(client: S3Client, bucket: string) {
  const where = `S3_BUCKET=${bucket}`;
  let versioning: string | undefined;
  try {
    versioning = (await client.send(new GetBucketVersioningCommand({ Bucket: bucket }))).Status;
  } catch (e) {
    const reason = `${(e as Error).name} ${(e as Error).message}`;
    throw new BucketNotReady(
      'storage.s3_bucket_unreadable',
      { bucket, reason },
      `${where} cannot be read (check S3_ENDPOINT, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY): ${reason}`,
    );
  }
  if (versioning !== 'Enabled') {
    const status = versioning ?? 'never enabled';
    throw new BucketNotReady(
      'storage.s3_versioning_off',
      { bucket, status },
      `${where} has versioning ${status}: create the bucket with Object Lock enabled (which enables versioning)`,
    );
  }
  let lock;
  try {
    lock = (await client.send(new GetObjectLockConfigurationCommand({ Bucket: bucket }))).ObjectLockConfiguration;
  } catch (e) {
    if ((e as Error).name !== 'ObjectLockConfigurationNotFoundError') throw e;
  }
  if (lock?.ObjectLockEnabled !== 'Enabled')
    throw new BucketNotReady(
      'storage.s3_object_lock_off',
      { bucket },
      `${where} has no Object Lock (ObjectLockEnabled): it can only be turned on when the bucket is created (x-amz-bucket-object-lock-enabled)`,
    );
  if (lock.Rule?.DefaultRetention) {
    throw new BucketNotReady(
      'storage.s3_default_retention',
      { bucket },
      `${where} has a default retention (Object Lock Rule.DefaultRetention): remove it — Baqylau sets each original's retention itself, and derived files must stay deletable`,
    );
  }
}
