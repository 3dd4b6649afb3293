import { Alert, Badge, Button, Group, Modal, Progress, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { PageHeader } from '../../kernel/components/PageHeader.tsx';
import { PageLoader } from '../../kernel/components/PageLoader.tsx';
import { formatDateTime } from '../../kernel/format/datetime.ts';
import { hasRole } from '../../kernel/shell/access.ts';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { PC_HOME } from '../navigation.ts';
import { TakeForField } from '../offline/TakeForField.tsx';
import { IssueActForm } from './IssueActForm.tsx';
import { ItemCard } from './ItemCard.tsx';
import { useConduct, useInspection } from './inspections.queries.ts';
import { AccidentBasis } from '../accidents/AccidentBasis.tsx';

/** Conducting an inspection item by item (built for a phone): re-check items first, then the checklist; completion with a conclusion (R315-12). */
export function ConductPage() {
  const { t } = useTranslation();
  const { org, me } = useSession();
  const orgId = org!.id;
  const { inspectionId = '' } = useParams();
  const inspection = useInspection(orgId, inspectionId);
  const { complete } = useConduct(orgId, inspectionId);
  const [conclusion, setConclusion] = useState('');
  const [removal, setRemoval] = useState(false);
  if (inspection.error) return <ErrorAlert error={inspection.error} />;
  if (!inspection.data) return <PageLoader />;
  const i = inspection.data;
  const items = i.items ?? [];
  const answered = items.filter((x) => x.outcome).length;
  const editable = i.status === 'in_progress' && i.officialId === me.id;
  const issuer = i.officialId === me.id || hasRole(org!, ['pc_service_head']);
  return (
    <>
      <PageHeader
        title={`${t(`common:pc.inspectionKind.${i.kind}`)}: ${i.facilityName}${i.unitName ? ` — ${i.unitName}` : ''}`}
        description={t('pc.conduct.byOfficial', { official: i.officialName, at: formatDateTime(i.startedAt) })}
        actions={
          <Group gap="xs">
            <Button variant="default" component={Link} to={`${PC_HOME}/inspections/${i.id}/brief`}>
              {t('pc.brief.title')}
            </Button>
            {editable && <TakeForField orgId={orgId} inspection={i} />}
          </Group>
        }
      />
      <Stack gap="md" maw={760}>
        {i.orderNumber && (
          <Alert color="orange" variant="light">
            {t('pc.conduct.order', {
              number: i.orderNumber,
              basis: t(`pc.start.basis_${i.basis ?? 'accident'}`),
              description: i.basisDescription ?? '',
            })}{' '}
            <AccidentBasis orgId={org!.id} inspectionId={i.id} />
          </Alert>
        )}
        <Group justify="space-between">
          <Text size="sm" data-testid="progress">
            {t('pc.conduct.progress', { answered, total: items.length })}
          </Text>
          <Badge color={i.status === 'completed' ? 'green' : 'blue'}>{t(`pc.inspection.status.${i.status}`)}</Badge>
        </Group>
        <Progress value={items.length ? (answered / items.length) * 100 : 0} />
        {items.map((it) => (
          <ItemCard key={it.id} orgId={orgId} inspectionId={i.id} item={it} editable={editable} />
        ))}
        {i.status === 'completed' ? (
          <Alert color="green" title={t('pc.conduct.completedAt', { at: formatDateTime(i.completedAt!) })} data-testid="conclusion">
            {i.conclusion}
          </Alert>
        ) : (
          editable && (
            <Stack gap="xs">
              <ErrorAlert error={complete.error} />
              <Textarea
                label={t('pc.conduct.conclusion')}
                value={conclusion}
                onChange={(e) => setConclusion(e.currentTarget.value)}
                autosize
                minRows={3}
                required
              />
              <Group>
                <Button
                  onClick={() => complete.mutate({ conclusion: conclusion.trim() })}
                  loading={complete.isPending}
                  disabled={conclusion.trim().length < 3}
                  data-testid="complete"
                >
                  {t('pc.conduct.complete')}
                </Button>
                <Button variant="subtle" color="red" onClick={() => setRemoval(true)}>
                  {t('pc.conduct.proposeRemoval')}
                </Button>
              </Group>
            </Stack>
          )
        )}
        {i.status === 'completed' && (i.act || issuer) && <IssueActForm orgId={orgId} inspection={i} />}
      </Stack>
      <Modal opened={removal} onClose={() => setRemoval(false)} title={t('pc.conduct.proposeRemoval')}>
        {removal && <RemovalForm orgId={orgId} inspectionId={i.id} onDone={() => setRemoval(false)} />}
      </Modal>
    </>
  );
}

/** R315-4: a staff member without timely training, proposed for removal to the first head. */
function RemovalForm({ orgId, inspectionId, onDone }: { orgId: string; inspectionId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const { proposeRemoval } = useConduct(orgId, inspectionId);
  const [staffMember, setStaffMember] = useState('');
  const [description, setDescription] = useState('');
  return (
    <Stack gap="sm">
      <ErrorAlert error={proposeRemoval.error} />
      <TextInput
        label={t('pc.proposal.staffMember')}
        value={staffMember}
        onChange={(e) => setStaffMember(e.currentTarget.value)}
        required
        maxLength={300}
      />
      <Textarea
        label={t('pc.proposal.description')}
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
        required
        autosize
        minRows={2}
      />
      <Button
        onClick={() =>
          proposeRemoval
            .mutateAsync({ staffMember: staffMember.trim(), description: description.trim() })
            .then(onDone)
            .catch(() => undefined)
        }
        loading={proposeRemoval.isPending}
      >
        {t('pc.proposal.send')}
      </Button>
    </Stack>
  );
}
