import { randomUUID } from 'node:crypto';
import { CreateBucketCommand, PutBucketVersioningCommand } from '@aws-sdk/client-s3';
import { createS3Client } from '../../src/platform/storage/s3-store.ts';

/** The S3 server of the s3 tier (scripts/with-ceph.mjs starts a Ceph RGW and sets these). */
export function s3Server() {
  const endpoint = process.env.S3_TEST_ENDPOINT;
  if (!endpoint) throw new Error('S3_TEST_ENDPOINT is not set: run this tier through scripts/with-ceph.mjs');
  const o = {
    endpoint,
    region: 'us-east-1',
    accessKeyId: process.env.S3_TEST_ACCESS_KEY!,
    secretAccessKey: process.env.S3_TEST_SECRET_KEY!,
    forcePathStyle: true,
  };
  return { ...o, client: createS3Client(o) };
}

/**
 * A new bucket (a test never deletes one: locked objects stay until the throwaway cluster goes).
 * lock: Object Lock (which turns versioning on); 'versioning': versioning only; 'none': neither.
 */
export async function s3Bucket(lock: 'object-lock' | 'versioning' | 'none' = 'object-lock') {
  const s = s3Server();
  const bucket = `baqylau-${randomUUID().slice(0, 13)}`;
  await s.client.send(new CreateBucketCommand({ Bucket: bucket, ObjectLockEnabledForBucket: lock === 'object-lock' || undefined }));
  if (lock === 'versioning') {
    await s.client.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }));
  }
  const env: Record<string, string> = {
    STORAGE: 's3',
    S3_ENDPOINT: s.endpoint,
    S3_BUCKET: bucket,
    S3_ACCESS_KEY_ID: s.accessKeyId,
    S3_SECRET_ACCESS_KEY: s.secretAccessKey,
    S3_FORCE_PATH_STYLE: 'true',
  };
  return { ...s, bucket, env };
}
