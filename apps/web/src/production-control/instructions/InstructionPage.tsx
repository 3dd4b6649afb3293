import { Anchor, Button, Group, Modal, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { DataState } from '../../kernel/components/DataState.tsx';
import { PageHeader } from '../../kernel/components/PageHeader.tsx';
import { formatCalendarDate, formatDateTime } from '../../kernel/format/datetime.ts';
import { hasRole } from '../../kernel/shell/access.ts';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { usePcAccess } from '../access.ts';
import { PC_HOME } from '../navigation.ts';
import { actPdfUrl, instructionPdfUrl, orderPdfUrl, useInstruction } from './instructions.api.ts';
import { ItemCard } from './ItemCard.tsx';
import { OrderForm } from './OrderForms.tsx';
import { InstructionStatusBadge, PdfMenu } from './words.tsx';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

/** R315-15 … R315-17, R315-4, R315-27: one instruction, its items and every step on them, its PDFs. */
export function InstructionPage() {
  const { t } = useTranslation();
  const { instructionId } = useParams();
  const { me, org } = useSession();
  const access = usePcAccess();
  const orgId = org!.id;
  const query = useInstruction(orgId, instructionId!);
  const [order, setOrder] = useState<'performers' | 'cancel' | null>(null);
  const i = query.data;
  const rights = { me: me.id, firstHead: access.firstHead, verifier: hasRole(org, ['pc_service_head', 'pc_official']) };
  return (
    <>
      <Anchor component={Link} to={`${PC_HOME}/instructions`} size="sm">
        ← {t('pc.instr.listTitle')}
      </Anchor>
      {!i ? (
        <DataState query={{ isPending: query.isPending, error: query.error, data: undefined }} empty="">
          {() => null}
        </DataState>
      ) : (
        <>
          <PageHeader
            title={t('pc.instr.title', { number: i.number })}
            description={<InstructionStatusBadge status={i.status} />}
            actions={
              <Group gap="sm">
                <PdfMenu label={t('pc.instr.instructionPdf')} url={(l) => instructionPdfUrl(orgId, i.id, l)} testId="instruction-pdf" />
                {i.act && (
                  <PdfMenu
                    label={t('pc.instr.actPdf', { number: i.act.number })}
                    url={(l) => actPdfUrl(orgId, i.act!.id, l)}
                    testId="act-pdf"
                  />
                )}
                {access.firstHead && i.status === 'issued' && i.items.some((x) => x.awaitingPerformersOrder) && (
                  <Button onClick={() => setOrder('performers')}>{t('pc.instr.signPerformersOrder')}</Button>
                )}
                {access.firstHead && i.status === 'issued' && (
                  <Button color="red" variant="light" onClick={() => setOrder('cancel')} data-testid="cancel-instruction">
                    {t('pc.instr.cancelByOrder')}
                  </Button>
                )}
              </Group>
            }
          />
          <Stack gap="lg">
            <Paper withBorder radius="md" p="md">
              <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
                <Fact label={t('pc.instr.unit')}>
                  {i.facility.name}
                  {i.unit ? ` · ${i.unit.name}` : ''}
                </Fact>
                <Fact label={t('pc.instr.unitHead')}>{i.unitHead?.fullName ?? '—'}</Fact>
                <Fact label={t('pc.instr.issuedBy')}>
                  {i.issuedBy.fullName} · {formatCalendarDate(i.issuedOn)}
                </Fact>
                {i.act && <Fact label={t('pc.instr.act')}>{`№ ${i.act.number} · ${formatCalendarDate(i.act.issuedOn)}`}</Fact>}
                {i.closedAt && <Fact label={t('pc.instr.closedAt')}>{formatDateTime(i.closedAt)}</Fact>}
                {i.cancelOrder && (
                  <Fact label={t('pc.instr.cancelledBy')}>
                    {t('pc.instr.orderOf', { number: i.cancelOrder.number, date: formatCalendarDate(i.cancelOrder.orderDate) })} —{' '}
                    {i.cancelOrder.reason}{' '}
                    <Anchor href={orderPdfUrl(orgId, i.cancelOrder.id, 'kk')} download>
                      PDF kk
                    </Anchor>{' '}
                    <Anchor href={orderPdfUrl(orgId, i.cancelOrder.id, 'ru')} download>
                      PDF ru
                    </Anchor>
                  </Fact>
                )}
              </SimpleGrid>
            </Paper>
            {i.items.map((it) => (
              <ItemCard key={it.id} orgId={orgId} instruction={i} item={it} rights={rights} />
            ))}
          </Stack>
          <Modal
            opened={!!order}
            onClose={() => setOrder(null)}
            title={order === 'cancel' ? t('pc.instr.cancelByOrder') : t('pc.instr.signPerformersOrder')}
          >
            {order && <OrderForm orgId={orgId} instructionId={i.id} kind={order} onDone={() => setOrder(null)} />}
          </Modal>
        </>
      )}
    </>
  );
}
