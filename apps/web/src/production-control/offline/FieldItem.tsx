import { Badge, Button, Checkbox, FileButton, Group, Paper, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemOutcome } from '@baqylau/contracts';
import type { InspectionItem } from '../shared/pc.types.ts';
import { SeverityBadge, referenceText } from '../shared/Words.tsx';
import { evidenceType } from '../shared/pc.api.ts';
import type { AnswerRecord, PhotoRecord } from './field.db.ts';

export interface LocalAnswer {
  outcome: ItemOutcome;
  note?: string;
  description?: string;
  dangerous?: boolean;
}

/**
 * One item in the field: answered on the server before the device took it, answered on this device
 * (kept in IndexedDB until synced), or open — with the same buttons as the online page. A finding
 * takes photos; each is kept on the device with its SHA-256.
 */
export function FieldItem({
  item,
  local,
  photos,
  onAnswer,
  onPhoto,
}: {
  item: InspectionItem;
  local?: AnswerRecord;
  photos: PhotoRecord[];
  onAnswer: (a: LocalAnswer) => Promise<void>;
  onPhoto: (file: File, type: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [finding, setFinding] = useState(false);
  const [description, setDescription] = useState('');
  const [note, setNote] = useState('');
  const [dangerous, setDangerous] = useState(false);
  const [badFile, setBadFile] = useState(false);
  const outcome = item.outcome ?? local?.outcome;
  const recheck = item.source === 'recheck';
  const answer = (a: LocalAnswer) => onAnswer({ ...a, note: note.trim() || undefined });
  const button = (o: ItemOutcome, color: string, testId?: string) => (
    <Button
      color={color}
      size="md"
      variant={color === 'gray' ? 'default' : 'filled'}
      onClick={() => answer({ outcome: o })}
      data-testid={testId}
    >
      {t(`common:pc.outcome.${o}`)}
    </Button>
  );
  return (
    <Paper withBorder radius="md" p="md" data-testid={`field-item-${item.position}`} bg={recheck ? 'yellow.0' : undefined}>
      <Stack gap="xs">
        <Group gap="xs">
          <Text fw={700}>{item.position}.</Text>
          {recheck && <Badge color="yellow">{t('pc.item.recheck')}</Badge>}
          <SeverityBadge severity={item.severity} />
          {outcome && (
            <Badge color={outcome === 'violation' || outcome === 'reopened' ? 'red' : 'green'} data-testid="field-outcome">
              {t(`common:pc.outcome.${outcome}`)}
            </Badge>
          )}
          {local && !item.outcome && (
            <Badge variant="outline" color={local.receipt ? 'teal' : local.problem ? 'red' : 'orange'}>
              {t(local.receipt ? 'pc.field.synced' : local.problem ? 'pc.field.refused' : 'pc.field.notSynced')}
            </Badge>
          )}
        </Group>
        <Text>{item.text}</Text>
        <Text size="xs" c="dimmed">
          {referenceText(item.reference, t)}
        </Text>
        {local?.description && <Text size="sm">{local.description}</Text>}
        {!outcome && (
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
                {button('eliminated_confirmed', 'green')}
                {button('reopened', 'red')}
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
                  data-testid="field-description"
                />
                <Checkbox label={t('pc.item.dangerous')} checked={dangerous} onChange={(e) => setDangerous(e.currentTarget.checked)} />
                <SimpleGrid cols={{ base: 1, xs: 2 }}>
                  <Button variant="default" onClick={() => setFinding(false)}>
                    {t('pc.item.back')}
                  </Button>
                  <Button
                    color="red"
                    size="md"
                    data-testid="field-record-violation"
                    onClick={() => answer({ outcome: 'violation', description: description.trim() || undefined, dangerous })}
                  >
                    {t('pc.item.recordViolation')}
                  </Button>
                </SimpleGrid>
              </Stack>
            ) : (
              <SimpleGrid cols={{ base: 1, xs: 3 }}>
                {button('compliant', 'green', 'field-compliant')}
                <Button color="red" size="md" onClick={() => setFinding(true)} data-testid="field-violation">
                  {t('common:pc.outcome.violation')}
                </Button>
                {button('not_applicable', 'gray')}
              </SimpleGrid>
            )}
          </>
        )}
        {local?.outcome === 'violation' && !local.problem && (
          <Group>
            <FileButton
              accept="image/jpeg,image/png"
              capture="environment"
              onChange={(file) => {
                const type = file && evidenceType(file);
                setBadFile(Boolean(file && (!type || type === 'application/pdf')));
                if (file && type && type !== 'application/pdf') void onPhoto(file, type);
              }}
            >
              {(props) => (
                <Button {...props} variant="light" data-testid="field-add-photo">
                  {t('pc.item.addPhoto')}
                </Button>
              )}
            </FileButton>
            {photos.map((p) => (
              <Badge key={p.clientId} variant="outline" color={p.receipt ? 'teal' : 'orange'} data-testid="field-photo">
                {p.fileName} · {p.sha256.slice(0, 8)}
              </Badge>
            ))}
            {badFile && (
              <Text size="sm" c="red">
                {t('pc.field.photoType')}
              </Text>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
