import { ActionIcon, Anchor, Badge, List, Menu, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatCalendarDate } from '../../kernel/format/datetime.ts';
import type { Camera, Place } from '../shared/cctv.types.ts';
import { placeIndex, placePath } from '../shared/placeTree.ts';
import { signPhotoUrl } from './cameras.queries.ts';
import { WHOLE } from '../shared/words.tsx';

export type CameraAction = 'signOn' | 'signOff' | 'photo' | 'move' | 'remove';

interface Props {
  orgId: string;
  cameras: Camera[];
  places: Place[];
  editable: boolean;
  onAction: (action: CameraAction, camera: Camera) => void;
}

/** R335-4 … R335-6: number, place, internal or external, objects of control, the sign, installed and removed dates. */
export function CamerasTable({ orgId, cameras, places, editable, onAction }: Props) {
  const { t } = useTranslation();
  const index = placeIndex(places);
  return (
    <Table.ScrollContainer minWidth={980}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-label={t('cctv.cameras.title')} data-testid="cameras-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('cctv.camera.number')}</Table.Th>
            <Table.Th>{t('cctv.camera.place')}</Table.Th>
            <Table.Th>{t('cctv.camera.placement')}</Table.Th>
            <Table.Th>{t('cctv.camera.objects')}</Table.Th>
            <Table.Th>{t('cctv.sign.column')}</Table.Th>
            <Table.Th>{t('cctv.camera.installedOn')}</Table.Th>
            <Table.Th>{t('cctv.camera.removedOn')}</Table.Th>
            {editable && <Table.Th w={60}>{t('table.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cameras.map((c) => {
            const place = index.get(c.placeId);
            return (
              <Table.Tr key={c.id} data-testid={`camera-row-${c.number}`} style={c.removedOn ? { opacity: 0.6 } : undefined}>
                <Table.Td>
                  <Text fw={700}>{c.number}</Text>
                  {c.model && (
                    <Text size="xs" c="dimmed">
                      {c.model}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td maw={320}>
                  <Text size="sm">{placePath(index, c.placeId)}</Text>
                  {place?.roomType && (
                    <Text size="xs" c="dimmed">
                      {t(`common:cctv.room.${place.roomType}`)}
                    </Text>
                  )}
                  <Text size="xs" c="dimmed" fs="italic" lineClamp={2} title={c.coverage}>
                    {t('cctv.camera.coverageShort')}: {c.coverage}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge styles={WHOLE} variant="light" color={c.placement === 'internal' ? 'blue' : 'lime'} tt="none">
                    {t(`cctv.camera.placement.${c.placement}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <List size="xs" spacing={0}>
                    {c.controlObjects.map((o) => (
                      <List.Item key={o}>{t(`common:cctv.object.${o}`)}</List.Item>
                    ))}
                  </List>
                </Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    <Badge styles={WHOLE} variant="light" color={c.signInstalled ? 'green' : 'red'} tt="none" data-testid="sign-state">
                      {c.signInstalled ? t('cctv.sign.installed') : t('cctv.sign.missing')}
                    </Badge>
                    {c.hasSignPhoto && (
                      <Anchor href={signPhotoUrl(orgId, c.id)} target="_blank" rel="noopener" size="xs">
                        {t('cctv.sign.viewPhoto')}
                      </Anchor>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>{formatCalendarDate(c.installedOn)}</Table.Td>
                <Table.Td>{formatCalendarDate(c.removedOn)}</Table.Td>
                {editable && (
                  <Table.Td>
                    {!c.removedOn && (
                      <Menu position="bottom-end" withinPortal>
                        <Menu.Target>
                          <ActionIcon variant="subtle" color="gray" aria-label={t('cctv.cameras.actionsFor', { number: c.number })}>
                            ⋯
                          </ActionIcon>
                        </Menu.Target>
                        <Menu.Dropdown>
                          {c.signInstalled ? (
                            <Menu.Item onClick={() => onAction('signOff', c)}>{t('cctv.sign.markMissing')}</Menu.Item>
                          ) : (
                            <Menu.Item onClick={() => onAction('signOn', c)}>{t('cctv.sign.markInstalled')}</Menu.Item>
                          )}
                          <Menu.Item onClick={() => onAction('photo', c)}>{t('cctv.sign.uploadPhoto')}</Menu.Item>
                          <Menu.Item onClick={() => onAction('move', c)}>{t('cctv.camera.move')}</Menu.Item>
                          <Menu.Item color="red" onClick={() => onAction('remove', c)}>
                            {t('cctv.camera.remove')}
                          </Menu.Item>
                        </Menu.Dropdown>
                      </Menu>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
