import { Anchor, Badge, Button, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatCalendarDate } from '../../kernel/format/datetime.ts';
import type { Consent, Place } from '../shared/cctv.types.ts';
import { placeIndex, placePath } from '../shared/placeTree.ts';
import { consentScanUrl } from './consents.queries.ts';
import { WHOLE } from '../shared/words.tsx';

interface Props {
  orgId: string;
  consents: Consent[];
  places: Place[];
  /** May record withdrawals and download scans (the keepers). */
  keeper: boolean;
  onWithdraw: (c: Consent) => void;
}

/** R335-8-1: who consented (patient, legal representative, medical worker), for which room, when; withdrawn ones stay. */
export function ConsentsTable({ orgId, consents, places, keeper, onWithdraw }: Props) {
  const { t } = useTranslation();
  const index = placeIndex(places);
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped verticalSpacing="sm" aria-label={t('cctv.consents.title')} data-testid="consents-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('cctv.consent.kind')}</Table.Th>
            <Table.Th>{t('cctv.consent.person')}</Table.Th>
            <Table.Th>{t('cctv.consent.room')}</Table.Th>
            <Table.Th>{t('cctv.consent.form')}</Table.Th>
            <Table.Th>{t('cctv.consent.givenOn')}</Table.Th>
            <Table.Th>{t('cctv.consent.withdrawnOn')}</Table.Th>
            {keeper && <Table.Th>{t('table.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {consents.map((c) => (
            <Table.Tr key={c.id} data-testid={`consent-row-${c.personName}`}>
              <Table.Td>
                <Badge styles={WHOLE} variant="light" color={c.kind === 'medical_worker' ? 'grape' : 'blue'} tt="none">
                  {t(`common:cctv.consentKind.${c.kind}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {c.personName}
                </Text>
                {c.representedName && (
                  <Text size="xs" c="dimmed">
                    {t('cctv.consent.onBehalfOf', { name: c.representedName })}
                  </Text>
                )}
                {c.employmentContract && (
                  <Text size="xs" c="dimmed">
                    {t('cctv.consent.contractShort', { contract: c.employmentContract })}
                  </Text>
                )}
                <Text size="xs" c="dimmed" lineClamp={2} title={c.scope}>
                  {c.scope}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{index.get(c.placeId)?.name}</Text>
                <Text size="xs" c="dimmed">
                  {placePath(index, index.get(c.placeId)?.parentId ?? '')}
                </Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  <Text size="sm">{t(`common:cctv.consentForm.${c.form}`)}</Text>
                  {keeper && c.documentName && (
                    <Anchor href={consentScanUrl(orgId, c.id)} download={c.documentName} size="xs">
                      {t('cctv.consent.downloadScan')}
                    </Anchor>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>{formatCalendarDate(c.givenOn)}</Table.Td>
              <Table.Td>
                {c.withdrawnOn ? (
                  <Stack gap={2}>
                    <Badge styles={WHOLE} variant="light" color="red" tt="none">
                      {t('cctv.consent.withdrawnBadge', { date: formatCalendarDate(c.withdrawnOn) })}
                    </Badge>
                    {c.withdrawalNote && (
                      <Text size="xs" c="dimmed">
                        {c.withdrawalNote}
                      </Text>
                    )}
                  </Stack>
                ) : (
                  <Badge styles={WHOLE} variant="light" color="green" tt="none">
                    {t('cctv.consent.inForce')}
                  </Badge>
                )}
              </Table.Td>
              {keeper && (
                <Table.Td>
                  {!c.withdrawnOn && (
                    <Button size="xs" variant="light" color="red" onClick={() => onWithdraw(c)}>
                      {t('cctv.consent.withdraw')}
                    </Button>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
