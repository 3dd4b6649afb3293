import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { useDecideTie } from '../competition.queries.ts';
import type { Tie } from '../competition.types.ts';

/** RC-22: the chair records the commission's order of the tied candidates and why; the software proposes no order of its own. */
export function TieForm({
  orgId,
  yearId,
  group,
  tie,
  names,
}: {
  orgId: string;
  yearId: string;
  group: number;
  tie: Tie;
  names: Map<string, string>;
}) {
  const { t } = useTranslation();
  const decide = useDecideTie(orgId, yearId);
  const [order, setOrder] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const left = tie.applicationIds.filter((id) => !order.includes(id));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    decide.mutate({ group, order, reason: reason.trim() });
  };
  return (
    <form onSubmit={submit} data-testid="tie-form">
      <Stack gap="xs">
        <Text size="xs">{t('competition.results.tieHint')}</Text>
        <Group gap="xs">
          {order.map((id, i) => (
            <Button key={id} size="compact-sm" variant="filled" onClick={() => setOrder(order.filter((x) => x !== id))}>
              {i + 1}. {names.get(id)}
            </Button>
          ))}
          {left.map((id) => (
            <Button key={id} size="compact-sm" variant="default" onClick={() => setOrder([...order, id])}>
              {names.get(id)}
            </Button>
          ))}
        </Group>
        <Textarea
          label={t('competition.results.tieReason')}
          autosize
          minRows={1}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          name="tieReason"
        />
        <ErrorAlert error={decide.error} />
        <Group justify="flex-end">
          <Button type="submit" loading={decide.isPending} disabled={left.length > 0 || reason.trim().length < 3} data-testid="tie-submit">
            {t('competition.results.tieDecide')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
