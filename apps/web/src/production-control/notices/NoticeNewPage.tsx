import { Button, Checkbox, MultiSelect, NumberInput, Paper, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { LOCALES, NOTICE_KINDS, type Locale, type NoticeKind } from '@baqylau/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../kernel/components/PageHeader.tsx';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { useFacilities, usePeople } from '../facilities/facilities.queries.ts';
import { PC_HOME } from '../navigation.ts';
import { FormAlert } from '../shared/FormAlert.tsx';
import { serverError } from '../shared/formErrors.ts';
import { useDraftNotice } from './notices.api.ts';

/** Refusals shown under their field; the others (addressees, the notice corrected) above the form. */
const FIELDS = ['kind', 'subject', 'body', 'acknowledgeWithinDays'] as const;

/** R315-4, R315-20: the service writes a notice (a draft: the document is attached and it is published on its page). */
export function NoticeNewPage() {
  const { t, i18n } = useTranslation();
  const { org } = useSession();
  const orgId = org!.id;
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const people = usePeople(orgId);
  const facilities = useFacilities(orgId);
  const draft = useDraftNotice(orgId);
  const [kind, setKind] = useState<NoticeKind>('regulation_change');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [language, setLanguage] = useState<Locale>(
    (LOCALES as readonly string[]).includes(i18n.language) ? (i18n.language as Locale) : 'kk',
  );
  const [userIds, setUserIds] = useState<string[]>([]);
  const [unitIds, setUnitIds] = useState<string[]>([]);
  const [facilityIds, setFacilityIds] = useState<string[]>([]);
  const [allMembers, setAllMembers] = useState(false);
  const [days, setDays] = useState<number>(3);
  const supersedesId = params.get('supersedes');
  const err = (f: string) => serverError(draft.error, f);
  const units = (facilities.data ?? []).flatMap((f) => f.units.map((u) => ({ value: u.id, label: `${f.name} — ${u.name}` })));

  const submit = () =>
    draft.mutate(
      {
        kind,
        subject,
        body,
        language,
        addressees: { userIds, unitIds, facilityIds, allMembers },
        acknowledgeWithinDays: days,
        supersedesId,
      },
      { onSuccess: (n) => navigate(`${PC_HOME}/notices/${n.id}`) },
    );

  return (
    <>
      <PageHeader
        title={t(supersedesId ? 'pc.notices.correctionTitle' : 'pc.notices.newTitle')}
        description={t('pc.notices.newDescription')}
      />
      <Paper withBorder p="md" radius="md" maw={900}>
        <Stack>
          <FormAlert error={draft.error} fields={FIELDS} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('pc.notices.kindLabel')}
              data={NOTICE_KINDS.map((k) => ({ value: k, label: t(`pc.notices.kind.${k}`) }))}
              value={kind}
              onChange={(v) => v && setKind(v as NoticeKind)}
              allowDeselect={false}
              error={err('kind')}
            />
            <Select
              label={t('pc.notices.language')}
              data={LOCALES.map((l) => ({ value: l, label: t(`pc.notices.lang.${l}`) }))}
              value={language}
              onChange={(v) => v && setLanguage(v as Locale)}
              allowDeselect={false}
            />
            <NumberInput
              label={t('pc.notices.days')}
              min={1}
              max={60}
              value={days}
              onChange={(v) => setDays(Number(v) || 1)}
              error={err('acknowledgeWithinDays')}
            />
          </SimpleGrid>
          <TextInput
            label={t('pc.notices.subject')}
            required
            value={subject}
            onChange={(e) => setSubject(e.currentTarget.value)}
            error={err('subject')}
            data-testid="notice-subject"
          />
          <Textarea
            label={t('pc.notices.body')}
            required
            autosize
            minRows={6}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            error={err('body')}
            data-testid="notice-body"
          />
          <Checkbox label={t('pc.notices.allMembers')} checked={allMembers} onChange={(e) => setAllMembers(e.currentTarget.checked)} />
          {!allMembers && (
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <MultiSelect
                label={t('pc.notices.people')}
                searchable
                data={(people.data ?? []).map((p) => ({ value: p.id, label: p.fullName }))}
                value={userIds}
                onChange={setUserIds}
              />
              <MultiSelect label={t('pc.notices.units')} searchable data={units} value={unitIds} onChange={setUnitIds} />
              <MultiSelect
                label={t('pc.notices.facilities')}
                searchable
                data={(facilities.data ?? []).map((f) => ({ value: f.id, label: f.name }))}
                value={facilityIds}
                onChange={setFacilityIds}
              />
            </SimpleGrid>
          )}
          <Button style={{ alignSelf: 'flex-start' }} loading={draft.isPending} onClick={submit} data-testid="notice-save">
            {t('pc.notices.saveDraft')}
          </Button>
        </Stack>
      </Paper>
    </>
  );
}
