import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sha256Hex } from '../ledger/ledger.hash.ts';

/** The instance's Ed25519 signing key: created on first start, kept in DATA_DIR, never leaves it. */
export interface InstanceKey {
  publicKeyPem: string;
  /** Raw 32-byte public key, base64 — what verify.html imports with WebCrypto. */
  publicKeyRaw: string;
  /** SHA-256 of the raw public key, hex. */
  fingerprint: string;
  sign(message: string): string;
}

export function loadOrCreateInstanceKey(dataDir: string): InstanceKey {
  const file = path.join(dataDir, 'keys', 'instance-ed25519.pem');
  let privateKey: KeyObject;
  if (fs.existsSync(file)) {
    privateKey = createPrivateKey(fs.readFileSync(file));
  } else {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    privateKey = generateKeyPairSync('ed25519').privateKey;
    // 'wx' refuses to overwrite a key another process wrote meanwhile.
    fs.writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  }
  return instanceKeyFrom(privateKey);
}

export function instanceKeyFrom(privateKey: KeyObject): InstanceKey {
  const publicKey = createPublicKey(privateKey);
  const raw = publicKey.export({ format: 'jwk' }).x!; // base64url of the 32 raw bytes
  const rawBytes = Buffer.from(raw, 'base64url');
  return {
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    publicKeyRaw: rawBytes.toString('base64'),
    fingerprint: sha256Hex(rawBytes),
    sign: (message) => sign(null, Buffer.from(message), privateKey).toString('base64'),
  };
}

export function verifySignature(publicKeyPem: string, message: string, signatureB64: string): boolean {
  try {
    return verify(null, Buffer.from(message), createPublicKey(publicKeyPem), Buffer.from(signatureB64, 'base64'));
  } catch {
    return false;
  }
}
