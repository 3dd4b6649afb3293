import { ActionIcon, Badge, Group, Menu, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Place } from '../shared/cctv.types.ts';
import type { PlaceNode } from '../shared/placeTree.ts';
import { WHOLE } from '../shared/words.tsx';

export type PlaceAction = 'add' | 'edit' | 'plan' | 'close';

interface Props {
  rows: PlaceNode[];
  cameras: Map<string, string[]>;
  editable: boolean;
  onAction: (action: PlaceAction, place: Place) => void;
}

const KIND_COLOR: Record<Place['kind'], string> = { building: 'indigo', vehicle: 'grape', floor: 'cyan', room: 'gray', perimeter: 'lime' };

/** The register as a tree: buildings and mobile complexes, their floors and rooms, perimeter sections; with the cameras in each. */
export function PlacesTable({ rows, cameras, editable, onAction }: Props) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing={6} highlightOnHover aria-label={t('cctv.premises.tableTitle')} data-testid="places-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('cctv.place.name')}</Table.Th>
            <Table.Th>{t('cctv.place.roomType')}</Table.Th>
            <Table.Th>{t('cctv.place.unit')}</Table.Th>
            <Table.Th>{t('cctv.premises.cameras')}</Table.Th>
            {editable && <Table.Th w={60}>{t('table.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(({ place: p, depth }) => {
            const here = cameras.get(p.id) ?? [];
            return (
              <Table.Tr key={p.id} data-testid={`place-${p.name}`} style={p.removedAt ? { opacity: 0.55 } : undefined}>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap" pl={depth * 22}>
                    <Badge styles={WHOLE} size="xs" variant="light" color={KIND_COLOR[p.kind]} tt="none" style={{ flexShrink: 0 }}>
                      {t(`common:cctv.kind.${p.kind}`)}
                    </Badge>
                    <Text size="sm" fw={p.kind === 'room' ? 400 : 600}>
                      {p.name}
                    </Text>
                    {p.kind === 'floor' && p.hasPlan && (
                      <Badge styles={WHOLE} size="xs" variant="outline" color="teal" tt="none">
                        {t('cctv.premises.hasPlan')}
                      </Badge>
                    )}
                    {p.removedAt && (
                      <Badge styles={WHOLE} size="xs" variant="outline" color="gray" tt="none">
                        {t('cctv.premises.closed')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{p.roomType ? t(`common:cctv.room.${p.roomType}`) : ''}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{p.unit}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{here.join(', ')}</Text>
                </Table.Td>
                {editable && (
                  <Table.Td>
                    {!p.removedAt && (
                      <Menu position="bottom-end" withinPortal>
                        <Menu.Target>
                          <ActionIcon variant="subtle" color="gray" aria-label={t('cctv.premises.actionsFor', { name: p.name })}>
                            ⋯
                          </ActionIcon>
                        </Menu.Target>
                        <Menu.Dropdown>
                          {p.kind !== 'room' && p.kind !== 'perimeter' && (
                            <Menu.Item onClick={() => onAction('add', p)}>{t('cctv.premises.addInside')}</Menu.Item>
                          )}
                          <Menu.Item onClick={() => onAction('edit', p)}>
                            {p.kind === 'room' ? t('cctv.premises.editRoom') : t('cctv.premises.rename')}
                          </Menu.Item>
                          {p.kind === 'floor' && (
                            <Menu.Item onClick={() => onAction('plan', p)}>
                              {p.hasPlan ? t('cctv.premises.replacePlan') : t('cctv.premises.uploadPlan')}
                            </Menu.Item>
                          )}
                          <Menu.Item color="red" onClick={() => onAction('close', p)}>
                            {t('cctv.premises.close')}
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
