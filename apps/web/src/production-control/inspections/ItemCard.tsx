import { Badge, Button, Checkbox, FileButton, Group, Paper, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import type { InspectionItem } from '../shared/pc.types.ts';
import { SeverityBadge, referenceText } from '../shared/Words.tsx';
import { useConduct, type ItemAnswer } from './inspections.queries.ts';

/**
 * One item on a phone: the question with its reference and severity, and the answer buttons — compliant,
 * violation (with danger, on-the-spot elimination and a photo from the camera), not applicable; a
 * re-check item (R315-14) is confirmed eliminated or reopened.
 */
export function ItemCard({
  orgId,
  inspectionId,
  item,
  editable,
}: {
  orgId: string;
  inspectionId: string;
  item: InspectionItem;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const { answer, photo } = useConduct(orgId, inspectionId);
  const [finding, setFinding] = useState(false);
  const [description, setDescription] = useState('');
  const [note, setNote] = useState('');
  const [dangerous, setDangerous] = useState(false);
  const [onSpot, setOnSpot] = useState(false);
  const [recorded, setViolationId] = useState<string | null>(null);
  // A finding's photos can be added until the inspection is completed, also after the page is reloaded.
  const violationId = recorded ?? (item.outcome === 'violation' ? item.violationId : null);
  const [photos, setPhotos] = useState<string[]>([]);
  const send = async (a: ItemAnswer) => {
    const r = await answer.mutateAsync({ itemId: item.id, note: note.trim() || undefined, ...a }).catch(() => null);
    if (r?.violationId) setViolationId(r.violationId);
  };
  const recheck = item.source === 'recheck';
  return (
    <Paper withBorder radius="md" p="md" data-testid={`item-${item.position}`} bg={recheck ? 'yellow.0' : undefined}>
      <Stack gap="xs">
        <Group gap="xs">
          <Text fw={700}>{item.position}.</Text>
          {recheck && <Badge color="yellow">{t('pc.item.recheck')}</Badge>}
          <SeverityBadge severity={item.severity} />
          {item.outcome && (
            <Badge color={item.outcome === 'violation' || item.outcome === 'reopened' ? 'red' : 'green'} data-testid="item-outcome">
              {t(`common:pc.outcome.${item.outcome}`)}
            </Badge>
          )}
        </Group>
        <Text>{item.text}</Text>
        <Text size="xs" c="dimmed">
          {referenceText(item.reference, t)}
        </Text>
        {item.note && (
          <Text size="sm" fs="italic">
            {item.note}
          </Text>
        )}
        <ErrorAlert error={answer.error ?? photo.error} />
        {editable && !item.outcome && (
          <>
            <Textarea
              label={t('pc.item.note')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              autosize
              minRows={1}
              maxLength={4000}
            />
            {recheck ? (
              <SimpleGrid cols={{ base: 1, xs: 2 }}>
                <Button color="green" size="md" onClick={() => send({ outcome: 'eliminated_confirmed' })} loading={answer.isPending}>
                  {t('common:pc.outcome.eliminated_confirmed')}
                </Button>
                <Button color="red" size="md" onClick={() => send({ outcome: 'reopened' })} loading={answer.isPending}>
                  {t('common:pc.outcome.reopened')}
                </Button>
              </SimpleGrid>
            ) : finding ? (
              <Stack gap="xs">
                <Textarea
                  label={t('pc.item.description')}
                  placeholder={item.text}
                  value={description}
                  onChange={(e) => setDescription(e.currentTarget.value)}
                  autosize
                  minRows={2}
                />
                <Checkbox
                  label={t('pc.item.dangerous')}
                  checked={dangerous}
                  onChange={(e) => setDangerous(e.currentTarget.checked)}
                  data-testid="dangerous"
                />
                <Checkbox label={t('pc.item.eliminatedOnSpot')} checked={onSpot} onChange={(e) => setOnSpot(e.currentTarget.checked)} />
                <SimpleGrid cols={{ base: 1, xs: 2 }}>
                  <Button variant="default" onClick={() => setFinding(false)}>
                    {t('pc.item.back')}
                  </Button>
                  <Button
                    color="red"
                    size="md"
                    loading={answer.isPending}
                    data-testid="record-violation"
                    onClick={() =>
                      send({ outcome: 'violation', description: description.trim() || undefined, dangerous, eliminatedOnSpot: onSpot })
                    }
                  >
                    {t('pc.item.recordViolation')}
                  </Button>
                </SimpleGrid>
              </Stack>
            ) : (
              // One button per line on a phone: the words stay whole and the targets large.
              <SimpleGrid cols={{ base: 1, xs: 3 }}>
                <Button
                  color="green"
                  size="md"
                  onClick={() => send({ outcome: 'compliant' })}
                  loading={answer.isPending}
                  data-testid="answer-compliant"
                >
                  {t('common:pc.outcome.compliant')}
                </Button>
                <Button color="red" size="md" onClick={() => setFinding(true)} data-testid="answer-violation">
                  {t('common:pc.outcome.violation')}
                </Button>
                <Button variant="default" size="md" onClick={() => send({ outcome: 'not_applicable' })} loading={answer.isPending}>
                  {t('common:pc.outcome.not_applicable')}
                </Button>
              </SimpleGrid>
            )}
          </>
        )}
        {editable && violationId && (
          <Group>
            {/* The phone opens its camera (capture); a saved photo can also be picked. */}
            <FileButton
              accept="image/*"
              capture="environment"
              onChange={(file) =>
                file &&
                photo
                  .mutateAsync({ violationId, file })
                  .then(() => setPhotos((p) => [...p, file.name]))
                  .catch(() => undefined)
              }
            >
              {(props) => (
                <Button {...props} variant="light" loading={photo.isPending} data-testid="add-photo">
                  {t('pc.item.addPhoto')}
                </Button>
              )}
            </FileButton>
            {photos.map((p) => (
              <Badge key={p} variant="outline">
                {p}
              </Badge>
            ))}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
