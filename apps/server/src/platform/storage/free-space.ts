import fsp from 'node:fs/promises';
import { AppError } from '../errors.ts';

const MiB = 2 ** 20;

/** Free and total bytes of the file system holding `dir`, as an unprivileged writer sees them. */
export async function freeSpace(dir: string): Promise<{ freeBytes: number; totalBytes: number }> {
  const s = await fsp.statfs(dir);
  return { freeBytes: s.bavail * s.bsize, totalBytes: s.blocks * s.bsize };
}

/** The operating system's "no space" (a full disk, or the writer's quota). */
export const isNoSpace = (e: unknown) => ['ENOSPC', 'EDQUOT'].includes((e as NodeJS.ErrnoException | undefined)?.code ?? '');

/** storage.disk_full (507) naming the free space and the reserve, in MiB, for the person who must free it. */
export async function diskFullError(dir: string, reserveBytes: number): Promise<AppError> {
  const { freeBytes } = await freeSpace(dir).catch(() => ({ freeBytes: 0 }));
  return new AppError('storage.disk_full', {
    freeBytes,
    freeMb: Math.floor((freeBytes / MiB) * 10) / 10,
    reserveMb: Math.round(reserveBytes / MiB),
  });
}

/** Refuses new work up front while less than the reserve is free: what is already under way may finish. */
export async function requireReserve(dir: string, reserveBytes: number) {
  if (reserveBytes > 0 && (await freeSpace(dir)).freeBytes < reserveBytes) throw await diskFullError(dir, reserveBytes);
}
