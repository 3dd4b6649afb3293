import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ItemOutcome, OfflineReceipt } from '@baqylau/contracts';
import type { Inspection } from '../shared/pc.types.ts';

/** An inspection taken for the field: the server's copy as it was when taken (what conflicts are judged against). */
export interface TakenInspection {
  id: string;
  orgId: string;
  takenAt: string;
  inspection: Inspection;
}

interface RecordBase {
  clientId: string;
  inspectionId: string;
  orgId: string;
  recordedAt: string;
  /** Set once the server has it: the proof the record is no longer only on this device. */
  receipt?: OfflineReceipt;
  /** A refusal or conflict (translated by the server); the record stays on the device. */
  problem?: { code: string; message: string };
}

export interface AnswerRecord extends RecordBase {
  kind: 'answer';
  itemId: string;
  position: number;
  outcome: ItemOutcome;
  description?: string;
  note?: string;
  dangerous?: boolean;
}

export interface PhotoRecord extends RecordBase {
  kind: 'photo';
  answerClientId: string;
  position: number;
  fileName: string;
  type: string;
  sha256: string;
  blob: Blob;
}

export interface AcknowledgementRecord extends RecordBase {
  kind: 'acknowledgement';
  signerName: string;
  signerPosition: string;
  sha256: string;
  blob: Blob;
}

export type FieldRecord = AnswerRecord | PhotoRecord | AcknowledgementRecord;

interface FieldSchema extends DBSchema {
  inspections: { key: string; value: TakenInspection };
  records: { key: string; value: FieldRecord; indexes: { byInspection: string } };
  meta: { key: string; value: string };
}

let opened: Promise<IDBPDatabase<FieldSchema>> | undefined;

/** The device's field store (IndexedDB): survives reloads, closed tabs and lost network. */
export function fieldDb() {
  opened ??= openDB<FieldSchema>('baqylau-field', 1, {
    upgrade(db) {
      db.createObjectStore('inspections', { keyPath: 'id' });
      db.createObjectStore('records', { keyPath: 'clientId' }).createIndex('byInspection', 'inspectionId');
      db.createObjectStore('meta');
    },
  });
  return opened;
}

/** This device's id, made once (the server's receipts name it). */
export async function deviceId() {
  const db = await fieldDb();
  const known = await db.get('meta', 'deviceId');
  if (known) return known;
  const id = `device-${crypto.randomUUID()}`;
  await db.put('meta', id, 'deviceId');
  return id;
}

export async function takeInspection(orgId: string, inspection: Inspection) {
  const db = await fieldDb();
  const prior = await db.get('inspections', inspection.id);
  // Taken again while online: the newer server copy, the records made so far untouched.
  await db.put('inspections', { id: inspection.id, orgId, takenAt: prior?.takenAt ?? new Date().toISOString(), inspection });
}

export const takenInspection = async (id: string) => (await fieldDb()).get('inspections', id);

export async function recordsOf(inspectionId: string) {
  const all = await (await fieldDb()).getAllFromIndex('records', 'byInspection', inspectionId);
  return all.sort((a, b) => a.recordedAt.localeCompare(b.recordedAt) || a.clientId.localeCompare(b.clientId));
}

export const saveRecord = async (r: FieldRecord) => {
  await (await fieldDb()).put('records', r);
};

/** A content address: the SHA-256 of the bytes, computed on the device. */
export async function sha256Of(blob: Blob) {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
