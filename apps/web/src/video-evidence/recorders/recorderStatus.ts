import type { RecorderStatus } from './recorders.queries.ts';

export const STATUS_COLOR: Record<RecorderStatus, string> = {
  in_storage: 'teal',
  issued: 'blue',
  broken: 'red',
  under_repair: 'orange',
  written_off: 'gray',
};

/** The actions the responsible person can take on a recorder in each status (the server checks them again). */
export function actionsFor(status: RecorderStatus): ('breakage' | 'repair' | 'repaired' | 'write-off')[] {
  switch (status) {
    case 'in_storage':
      return ['breakage', 'write-off'];
    case 'issued':
      return ['breakage'];
    case 'broken':
      return ['repair', 'repaired', 'write-off'];
    case 'under_repair':
      return ['repaired', 'write-off'];
    default:
      return [];
  }
}
