import {
  Alert,
  Anchor,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { fieldError } from '../../kernel/api/errors.ts';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { PageHeader } from '../../kernel/components/PageHeader.tsx';
import { activityLabel, useActivities } from '../activities/activities.queries.ts';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { MaterialPicker } from './MaterialPicker.tsx';
import { useCreatePackage } from './packages.queries.ts';
import { RECIPIENT_KINDS, type RecipientKind } from './packages.types.ts';
import { packagePath, packagesPath } from './paths.ts';
import { excerptProblem, RecordingPicker, type Choices } from './RecordingPicker.tsx';

/**
 * R444-14: a package for a court or an authorised body — who receives it, for which case and why, the
 * recordings (whole or excerpts) and the activity's materials. Creating it places a legal hold on each recording.
 */
export function NewPackagePage() {
  const { t } = useTranslation();
  const { org } = useSession();
  const orgId = org!.id;
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const activities = useActivities(orgId);
  const create = useCreatePackage(orgId);
  const [kind, setKind] = useState<RecipientKind>('court');
  const [recipientName, setRecipientName] = useState('');
  const [caseNumber, setCaseNumber] = useState('');
  const [purpose, setPurpose] = useState('');
  const [activityId, setActivityId] = useState<string | null>(params.get('activity'));
  const [recordings, setRecordings] = useState<Choices>(new Map());
  const [materials, setMaterials] = useState<Map<string, string>>(new Map());
  const [tried, setTried] = useState(false);

  const problems = {
    recipientName: recipientName.trim().length < 2 ? t('packages.form.recipientShort') : undefined,
    caseNumber: caseNumber.trim().length < 1 ? t('form.required') : undefined,
    purpose: purpose.trim().length < 3 ? t('packages.form.purposeShort') : undefined,
    recordings: recordings.size === 0 ? t('packages.form.pickRecording') : undefined,
  };
  // Bounds against the duration are checked in the picker's rows; here only the order, which needs no duration.
  const excerptsBad = [...recordings.values()].some((c) => excerptProblem(c, null));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (Object.values(problems).some(Boolean) || excerptsBad) return;
    try {
      const pkg = await create.mutateAsync({
        recipientKind: kind,
        recipientName: recipientName.trim(),
        caseNumber: caseNumber.trim(),
        purpose: purpose.trim(),
        recordings: [...recordings].map(([recordingId, c]) => (c.excerpt ? { recordingId, excerpt: c.excerpt } : { recordingId })),
        materialIds: [...materials.keys()],
      });
      navigate(packagePath(pkg.id));
    } catch {
      // shown below
    }
  };

  return (
    <>
      <Anchor component={Link} to={packagesPath} size="sm">
        ← {t('packages.back')}
      </Anchor>
      <PageHeader title={t('packages.form.title')} description={t('packages.form.description')} />
      <form onSubmit={submit} noValidate data-testid="package-form">
        <Stack gap="lg">
          <Paper withBorder radius="md" p="md" component="section" aria-labelledby="pkg-recipient">
            <Title id="pkg-recipient" order={2} size="h4" mb="sm">
              {t('packages.form.recipientTitle')}
            </Title>
            <Stack gap="sm">
              <SegmentedControl
                value={kind}
                onChange={(v) => setKind(v as RecipientKind)}
                data={RECIPIENT_KINDS.map((k) => ({ value: k, label: t(`packages.kind.${k}`) }))}
                aria-label={t('packages.form.kind')}
                style={{ alignSelf: 'flex-start' }}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  name="recipientName"
                  label={t(kind === 'court' ? 'packages.form.courtName' : 'packages.form.authorityName')}
                  required
                  maxLength={300}
                  value={recipientName}
                  onChange={(e) => setRecipientName(e.currentTarget.value)}
                  error={(tried ? problems.recipientName : undefined) ?? fieldError(create.error, 'recipientName')}
                />
                <TextInput
                  name="caseNumber"
                  label={t('packages.form.caseNumber')}
                  required
                  maxLength={100}
                  value={caseNumber}
                  onChange={(e) => setCaseNumber(e.currentTarget.value)}
                  error={(tried ? problems.caseNumber : undefined) ?? fieldError(create.error, 'caseNumber')}
                />
              </SimpleGrid>
              <Textarea
                name="purpose"
                label={t('packages.form.purpose')}
                description={t('packages.form.purposeHint')}
                required
                autosize
                minRows={2}
                maxLength={1000}
                value={purpose}
                onChange={(e) => setPurpose(e.currentTarget.value)}
                error={(tried ? problems.purpose : undefined) ?? fieldError(create.error, 'purpose')}
              />
            </Stack>
          </Paper>

          <Paper withBorder radius="md" p="md" component="section" aria-labelledby="pkg-contents">
            <Title id="pkg-contents" order={2} size="h4" mb="sm">
              {t('packages.form.contentsTitle')}
            </Title>
            <Stack gap="md">
              <Select
                name="activity"
                label={t('packages.form.activity')}
                description={t('packages.form.activityHint')}
                placeholder={t('packages.form.pickActivity')}
                searchable
                data={(activities.data ?? []).map((a) => ({ value: a.id, label: activityLabel(a) }))}
                value={activityId}
                onChange={setActivityId}
              />
              {activityId && (
                <>
                  <Title order={3} size="h5">
                    {t('packages.form.recordingsTitle')}
                  </Title>
                  <RecordingPicker orgId={orgId} activityId={activityId} choices={recordings} onChange={setRecordings} tried={tried} />
                  <Title order={3} size="h5">
                    {t('packages.form.materialsTitle')}
                  </Title>
                  <MaterialPicker orgId={orgId} activityId={activityId} chosen={materials} onChange={setMaterials} />
                </>
              )}
              <Text size="sm" fw={600} data-testid="package-chosen">
                {t('packages.form.chosen', { count: recordings.size, materials: materials.size })}
              </Text>
              {tried && problems.recordings && (
                <Text size="sm" c="red.8" role="alert">
                  {problems.recordings}
                </Text>
              )}
            </Stack>
          </Paper>

          <Alert color="grape" variant="light">
            {t('packages.form.holdNotice')}
          </Alert>
          <ErrorAlert error={create.error} shownFields={['recipientName', 'caseNumber', 'purpose']} />
          <Group justify="flex-end">
            <Button component={Link} to={packagesPath} variant="default">
              {t('action.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('packages.form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
