import { Badge, Button, Group, MultiSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { CARE_TYPES, type CareType } from '@baqylau/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../shared/FormAlert.tsx';
import { serverError } from '../shared/formErrors.ts';
import { useProfile, useSetProfile } from './premises.queries.ts';
import { WHOLE } from '../shared/words.tsx';

/** Points 8–11: the types of care the organisation gives decide where its cameras may go. */
export function ProfileCard({ orgId, editable }: { orgId: string; editable: boolean }) {
  const { t } = useTranslation();
  const profile = useProfile(orgId);
  const save = useSetProfile(orgId);
  const [care, setCare] = useState<CareType[]>([]);
  const [tried, setTried] = useState(false);
  const stored = profile.data?.careTypes;
  useEffect(() => {
    if (stored) setCare(stored);
  }, [stored]);
  const changed = !!stored && (care.length !== stored.length || care.some((c) => !stored.includes(c)));

  const submit = async () => {
    setTried(true);
    if (care.length === 0) return;
    try {
      await save.mutateAsync(care);
      setTried(false);
    } catch {
      // shown below
    }
  };

  return (
    <Paper withBorder radius="md" p="md" data-testid="care-profile">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('cctv.profile.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('cctv.profile.hint')}
        </Text>
        {editable ? (
          <>
            <FormAlert error={save.error} fields={['careTypes']} />
            <Group align="flex-end" gap="sm" wrap="wrap">
              <MultiSelect
                label={t('cctv.profile.label')}
                data={CARE_TYPES.map((c) => ({ value: c, label: t(`common:cctv.care.${c}`) }))}
                value={care}
                onChange={(v) => setCare(v as CareType[])}
                error={(tried && care.length === 0 ? t('form.required') : undefined) ?? serverError(save.error, 'careTypes')}
                style={{ flex: '1 1 420px' }}
              />
              <Button onClick={submit} loading={save.isPending} disabled={!changed}>
                {t('cctv.profile.save')}
              </Button>
            </Group>
            {save.isSuccess && !changed && (
              <Text size="sm" c="teal.8" role="status">
                {t('cctv.profile.saved')}
              </Text>
            )}
          </>
        ) : (
          <Group gap="xs">
            {(stored ?? []).map((c) => (
              <Badge styles={WHOLE} key={c} variant="light" tt="none">
                {t(`common:cctv.care.${c}`)}
              </Badge>
            ))}
            {stored?.length === 0 && <Text size="sm">{t('cctv.profile.none')}</Text>}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
