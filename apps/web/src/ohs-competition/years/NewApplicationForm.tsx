import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { EDUCATION_ORGANISATION_TYPES, type EducationOrganisationType } from '@baqylau/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { organisationName } from '../../kernel/shell/access.ts';
import { useCreateApplication, useMemberOrganisations } from '../competition.queries.ts';
import { applicationPath } from '../paths.ts';

/** RC-16, RC-9: a candidate's application starts as a draft of a member organisation; the type of organisation decides the group. */
export function NewApplicationForm({ orgId, yearId, onCancel }: { orgId: string; yearId: string; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const members = useMemberOrganisations(orgId);
  const create = useCreateApplication(orgId, yearId);
  const navigate = useNavigate();
  const [memberOrganisationId, setMember] = useState<string | null>(null);
  const [type, setType] = useState<EducationOrganisationType | null>(null);
  const [fullName, setFullName] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!memberOrganisationId || !type) return;
    try {
      const a = await create.mutateAsync({
        memberOrganisationId,
        educationOrganisationType: type,
        questionnaire: { fullName: fullName.trim() },
      });
      navigate(applicationPath(a.id));
    } catch {
      // shown below
    }
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <ErrorAlert error={create.error} />
        <Select
          label={t('competition.applications.memberOrganisation')}
          data={(members.data ?? []).map((m) => ({ value: m.id, label: organisationName(m, i18n.language) }))}
          value={memberOrganisationId}
          onChange={setMember}
          required
          data-testid="application-member"
        />
        <Select
          label={t('competition.applications.educationType')}
          description={t('competition.applications.educationTypeHint')}
          data={EDUCATION_ORGANISATION_TYPES.map((v) => ({ value: v, label: t(`common:competition.educationType.${v}`) }))}
          value={type}
          onChange={(v) => setType(v as EducationOrganisationType | null)}
          required
          data-testid="application-type"
        />
        <TextInput
          label={t('common:competition.field.fullName')}
          value={fullName}
          onChange={(e) => setFullName(e.currentTarget.value)}
          maxLength={500}
          data-testid="application-name"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('action.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending} disabled={!memberOrganisationId || !type}>
            {t('competition.applications.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
