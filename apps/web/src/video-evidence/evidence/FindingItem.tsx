import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../kernel/format/datetime.ts';
import type { Finding } from './evidence.types.ts';
import { FINDING_COLOR, findingText } from './evidenceText.ts';

interface Props {
  finding: Finding;
  /** Names of the people who annotated, by id (the head's name on each annotation). */
  nameOf?: (userId: string) => string | undefined;
  /** Shown only to the head. */
  onAnnotate?: (f: Finding) => void;
  /** Where the finding belongs (entry, recorder, inspector), on the dashboard. */
  context?: ReactNode;
}

/** One continuity finding in words, the head's annotations under it, and the annotate action. */
export function FindingItem({ finding, nameOf, onAnnotate, context }: Props) {
  const { t } = useTranslation();
  const text = findingText(t, finding);
  return (
    <Group component="li" justify="space-between" align="flex-start" wrap="nowrap" gap="sm" data-testid="finding" data-kind={finding.kind}>
      <Stack gap={4} style={{ minWidth: 0, flex: '1 1 0' }}>
        <Group gap="xs" wrap="wrap">
          <Badge size="sm" variant="light" color={FINDING_COLOR[finding.kind] ?? 'gray'} tt="none">
            {t(`evidence.findingKind.${finding.kind}`)}
          </Badge>
          <Text size="sm" fw={500}>
            {text}
          </Text>
        </Group>
        {context}
        <Text size="xs" c="dimmed">
          {t('evidence.detectedAt', { at: formatDateTime(finding.detectedAt) })}
        </Text>
        {finding.annotations.map((a, i) => (
          <Text
            key={i}
            size="sm"
            pl="sm"
            style={{ borderLeft: `3px solid var(--mantine-color-${a.decision === 'explained' ? 'teal' : 'red'}-5)` }}
            data-testid="annotation"
          >
            <Text span fw={600} size="sm">
              {t(`evidence.decision.${a.decision}`)}
            </Text>
            {': '}
            {a.note}
            <Text span size="xs" c="dimmed">
              {' — '}
              {[nameOf?.(a.annotatedBy), formatDateTime(a.annotatedAt)].filter(Boolean).join(', ')}
            </Text>
          </Text>
        ))}
      </Stack>
      {onAnnotate && (
        <Button
          size="compact-sm"
          variant="light"
          onClick={() => onAnnotate(finding)}
          aria-label={t('evidence.annotate.for', { finding: text })}
        >
          {t('evidence.annotate.button')}
        </Button>
      )}
    </Group>
  );
}
