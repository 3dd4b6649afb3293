import { Button, Checkbox, Group, MultiSelect, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { formatDateTime } from '../../kernel/format/datetime.ts';
import { hasRole } from '../../kernel/shell/access.ts';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { useFacilities } from '../facilities/facilities.queries.ts';
import { PdfMenu } from '../instructions/words.tsx';
import { PC_HOME } from '../navigation.ts';
import { analysisPdfUrl, useApproveAnalysis, useNoticeFromAnalysis, type AnalysisVersion } from './analysis.api.ts';

/** R315-20: the point-20 notice made from the approved analysis — the service writes the causes and chooses the addressees. */
function NoticeForm({ v }: { v: AnalysisVersion }) {
  const { t, i18n } = useTranslation();
  const { org } = useSession();
  const orgId = org!.id;
  const navigate = useNavigate();
  const facilities = useFacilities(orgId);
  const send = useNoticeFromAnalysis(orgId);
  const [causes, setCauses] = useState('');
  const [allMembers, setAllMembers] = useState(true);
  const [unitIds, setUnitIds] = useState<string[]>([]);
  const units = (facilities.data ?? []).flatMap((f) => f.units.map((u) => ({ value: u.id, label: `${f.name} — ${u.name}` })));
  return (
    <Stack gap="xs" data-testid="analysis-notice">
      <Text fw={700}>{t('pc.analysis.noticeTitle')}</Text>
      <Textarea label={t('pc.analysis.causes')} autosize minRows={3} value={causes} onChange={(e) => setCauses(e.currentTarget.value)} />
      <Checkbox label={t('pc.notices.allMembers')} checked={allMembers} onChange={(e) => setAllMembers(e.currentTarget.checked)} />
      {!allMembers && <MultiSelect label={t('pc.notices.units')} data={units} value={unitIds} onChange={setUnitIds} />}
      <ErrorAlert error={send.error} />
      <Button
        style={{ alignSelf: 'flex-start' }}
        loading={send.isPending}
        onClick={() =>
          send.mutate(
            {
              id: v.id,
              causes,
              addressees: { userIds: [], unitIds: allMembers ? [] : unitIds, facilityIds: [], allMembers },
              language: i18n.language === 'ru' ? 'ru' : i18n.language === 'en' ? 'en' : 'kk',
            },
            { onSuccess: (r) => navigate(`${PC_HOME}/notices/${r.noticeId}`) },
          )
        }
      >
        {t('pc.analysis.publishNotice')}
      </Button>
    </Stack>
  );
}

export function VersionLine({ v, latest }: { v: AnalysisVersion; latest: boolean }) {
  const { t } = useTranslation();
  const { org } = useSession();
  const orgId = org!.id;
  const approve = useApproveAnalysis(orgId);
  return (
    <Stack gap="xs" data-testid={`analysis-version-${v.version}`}>
      <Group justify="space-between">
        <div>
          <Text fw={700}>{t('pc.report.version', { n: v.version })}</Text>
          <Text size="sm" c="dimmed">
            {t('pc.report.presented', { at: formatDateTime(v.presentedAt), name: v.presentedBy.fullName })}
          </Text>
          {v.approval ? (
            <Text size="sm" c="teal.8" fw={700}>
              {t('pc.report.approved', { at: formatDateTime(v.approval.approvedAt), name: v.approval.approvedBy.fullName })}
            </Text>
          ) : (
            !latest && (
              <Text size="sm" c="dimmed">
                {t('pc.report.superseded')}
              </Text>
            )
          )}
        </div>
        <Group gap="xs">
          <PdfMenu label={t('pc.report.pdf')} url={(l) => analysisPdfUrl(orgId, v.year, l, v.version)} />
          {latest && !v.approval && hasRole(org, ['head']) && (
            <Button loading={approve.isPending} onClick={() => approve.mutate(v.id)} data-testid="analysis-approve">
              {t('pc.report.approve')}
            </Button>
          )}
        </Group>
      </Group>
      <ErrorAlert error={approve.error} />
      {v.approval && hasRole(org, ['pc_service_head', 'pc_official']) && <NoticeForm v={v} />}
    </Stack>
  );
}
