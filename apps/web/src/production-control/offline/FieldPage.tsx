import { Alert, Badge, Button, Container, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useNetwork } from '@mantine/hooks';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useApi } from '../../kernel/api/ApiContext.tsx';
import { PageLoader } from '../../kernel/components/PageLoader.tsx';
import { pcBase } from '../shared/pc.api.ts';
import type { Inspection, InspectionItem } from '../shared/pc.types.ts';
import {
  recordsOf,
  type AnswerRecord,
  saveRecord,
  sha256Of,
  takeInspection,
  takenInspection,
  type FieldRecord,
  type PhotoRecord,
  type TakenInspection,
} from './field.db.ts';
import { syncInspection } from './field.sync.ts';
import { FieldItem, type LocalAnswer } from './FieldItem.tsx';
import { FieldRecords } from './FieldRecords.tsx';
import { SignaturePad } from './SignaturePad.tsx';

const base = (r: { orgId: string; id: string }) => ({
  clientId: crypto.randomUUID(),
  orgId: r.orgId,
  inspectionId: r.id,
  recordedAt: new Date().toISOString(),
});

/**
 * Issue 18: the inspection in the field, with or without network. It opens from the device's own
 * store (no session check needed to show it), keeps every answer, photo and signature in IndexedDB
 * the moment it is made, always lists what the server does not have yet, and syncs when the network
 * is back — each record with its receipt; a refusal or conflict is shown and the record kept.
 */
export function FieldPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { online } = useNetwork();
  const { inspectionId = '' } = useParams();
  const [taken, setTaken] = useState<TakenInspection | null>();
  const [records, setRecords] = useState<FieldRecord[]>([]);
  const [syncing, setSyncing] = useState(false);
  const [interrupted, setInterrupted] = useState(false);
  const reload = useCallback(async () => {
    setTaken((await takenInspection(inspectionId)) ?? null);
    setRecords(await recordsOf(inspectionId));
  }, [inspectionId]);
  const sync = useCallback(async () => {
    setSyncing(true);
    try {
      const out = await syncInspection(api, inspectionId);
      setInterrupted(out.interrupted);
      // Online: the server's copy as it is now (another device's answers, a completion) replaces the one taken.
      const known = await takenInspection(inspectionId);
      if (!out.interrupted && known)
        await takeInspection(known.orgId, await api.get<Inspection>(`${pcBase(known.orgId)}/inspections/${inspectionId}`)).catch(
          () => undefined,
        );
    } catch {
      setInterrupted(true);
    } finally {
      setSyncing(false);
      await reload();
    }
  }, [api, inspectionId, reload]);
  useEffect(() => void reload(), [reload]);
  const loaded = taken !== undefined;
  // The network back (or the page opened online): send what waits.
  useEffect(() => {
    if (online && loaded) void sync();
  }, [online, loaded, sync]);

  if (taken === undefined) return <PageLoader />;
  if (taken === null)
    return (
      <Container size="sm" py="xl">
        <Alert color="orange" title={t('pc.field.notTakenTitle')}>
          {t('pc.field.notTaken')}
        </Alert>
      </Container>
    );
  const i = taken.inspection;
  const keep = async (r: FieldRecord) => {
    await saveRecord(r);
    await reload();
    if (navigator.onLine) void sync();
  };
  const answers = new Map(records.filter((r): r is AnswerRecord => r.kind === 'answer').map((r) => [r.itemId, r]));
  const photosOf = (clientId: string | undefined) =>
    records.filter((r): r is PhotoRecord => r.kind === 'photo' && r.answerClientId === clientId);
  const acknowledgement = records.find((r) => r.kind === 'acknowledgement');
  const onAnswer = (item: InspectionItem) => (a: LocalAnswer) =>
    keep({ ...base(taken), kind: 'answer', itemId: item.id, position: item.position, ...a });
  const onPhoto = (item: InspectionItem) => async (file: File, type: string) => {
    const answer = answers.get(item.id);
    if (!answer) return;
    const sha256 = await sha256Of(file);
    await keep({
      ...base(taken),
      kind: 'photo',
      answerClientId: answer.clientId,
      position: item.position,
      fileName: file.name,
      type,
      sha256,
      blob: file,
    });
  };
  const waiting = records.some((r) => !r.receipt && !r.problem);
  return (
    <Container size="md" py="md">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={3}>
              {t(`common:pc.inspectionKind.${i.kind}`)}: {i.facilityName}
              {i.unitName ? ` — ${i.unitName}` : ''}
            </Title>
            <Text size="sm" c="dimmed">
              {t('pc.field.subtitle', { official: i.officialName })}
            </Text>
          </div>
          <Badge size="lg" color={online ? 'teal' : 'gray'} data-testid="field-network">
            {t(online ? 'pc.field.online' : 'pc.field.offline')}
          </Badge>
        </Group>
        {!online && <Alert color="gray">{t('pc.field.offlineHint')}</Alert>}
        {i.status === 'completed' && <Alert color="orange">{t('pc.field.completedOnServer')}</Alert>}
        {interrupted && online && <Alert color="orange">{t('pc.field.interrupted')}</Alert>}
        <FieldRecords records={records} />
        <Group>
          <Button onClick={() => void sync()} loading={syncing} disabled={!online || !waiting} data-testid="field-sync">
            {t('pc.field.syncNow')}
          </Button>
          {online && !waiting && (
            <Button variant="default" component={Link} to={`/app/production-control/inspections/${i.id}`} data-testid="field-open-online">
              {t('pc.field.openOnline')}
            </Button>
          )}
        </Group>
        {(i.items ?? []).map((item) => (
          <FieldItem
            key={item.id}
            item={item}
            local={answers.get(item.id)}
            photos={photosOf(answers.get(item.id)?.clientId)}
            onAnswer={onAnswer(item)}
            onPhoto={onPhoto(item)}
          />
        ))}
        {acknowledgement ? (
          <Alert color="teal" title={t('pc.field.acknowledgedTitle')} data-testid="field-acknowledged">
            {t('pc.field.acknowledged', { name: acknowledgement.kind === 'acknowledgement' ? acknowledgement.signerName : '' })}
          </Alert>
        ) : (
          <AcknowledgementForm onSign={(a) => keep({ ...base(taken), kind: 'acknowledgement', ...a })} />
        )}
      </Stack>
    </Container>
  );
}

/** The unit head acknowledges the findings on the official's device: name, position, signature. */
function AcknowledgementForm({
  onSign,
}: {
  onSign: (a: { signerName: string; signerPosition: string; sha256: string; blob: Blob }) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [position, setPosition] = useState('');
  const [signature, setSignature] = useState<Blob | null>(null);
  const ready = name.trim().length >= 3 && position.trim().length >= 2 && signature;
  return (
    <Stack gap="xs" data-testid="field-acknowledgement">
      <Title order={5}>{t('pc.field.acknowledgementTitle')}</Title>
      <Text size="sm" c="dimmed">
        {t('pc.field.acknowledgementHint')}
      </Text>
      <TextInput
        label={t('pc.field.signerName')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        name="signerName"
        maxLength={300}
      />
      <TextInput
        label={t('pc.field.signerPosition')}
        value={position}
        onChange={(e) => setPosition(e.currentTarget.value)}
        name="signerPosition"
        maxLength={300}
      />
      <SignaturePad onChange={setSignature} />
      <Button
        disabled={!ready}
        data-testid="field-sign"
        onClick={async () =>
          signature &&
          onSign({ signerName: name.trim(), signerPosition: position.trim(), sha256: await sha256Of(signature), blob: signature })
        }
      >
        {t('pc.field.sign')}
      </Button>
    </Stack>
  );
}
