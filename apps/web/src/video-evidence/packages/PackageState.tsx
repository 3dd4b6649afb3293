import { Badge, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatSize } from '../evidence/evidenceText.ts';
import type { PackageSummary } from './packages.types.ts';

const COLOR = { building: 'blue', ready: 'teal', failed: 'red' } as const;

/** The package's state, and while it builds how many bytes of the originals are re-hashed and packed. */
export function PackageState({ pkg }: { pkg: Pick<PackageSummary, 'state' | 'progress'> }) {
  const { t } = useTranslation();
  const { bytesDone, bytesTotal } = pkg.progress;
  const percent = bytesTotal > 0 ? Math.min(100, Math.round((bytesDone / bytesTotal) * 100)) : 0;
  return (
    <Stack gap={4} data-testid="package-state" data-state={pkg.state}>
      <Badge color={COLOR[pkg.state]} variant="light" tt="none">
        {t(`packages.state.${pkg.state}`)}
      </Badge>
      {pkg.state === 'building' && (
        <>
          <Progress value={percent} size="sm" animated aria-label={t('packages.progress')} />
          <Text size="xs" c="dimmed">
            {t('packages.progressValue', { done: formatSize(bytesDone), total: formatSize(bytesTotal), percent })}
          </Text>
        </>
      )}
    </Stack>
  );
}
