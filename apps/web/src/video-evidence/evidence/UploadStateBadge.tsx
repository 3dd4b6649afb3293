import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { UploadState } from './evidence.types.ts';

const COLOR: Record<UploadState, string> = { waiting_for_dock: 'gray', uploading: 'blue', all_verified: 'teal', files_missing: 'red' };

/** R444-11: whether the recordings of an issue reached the storage server, with their count; may link to the activity timeline. */
export function UploadStateBadge({ state, count, to }: { state: UploadState; count: number; to?: string }) {
  const { t } = useTranslation();
  const label = `${t(`evidence.upload.${state}`)} · ${t('evidence.recordingsCount', { count })}`;
  const styles = { root: { height: 'auto', paddingBlock: 2 }, label: { whiteSpace: 'normal' as const, overflow: 'visible' } };
  const common = { variant: 'light', color: COLOR[state], tt: 'none' as const, radius: 'sm', styles, 'data-upload-state': state };
  return to ? (
    <Badge component={Link} to={to} {...common} style={{ cursor: 'pointer' }}>
      {label}
    </Badge>
  ) : (
    <Badge {...common}>{label}</Badge>
  );
}
