import { Badge } from '@mantine/core';
import type { CapaKind, CapaStatus, PlanProposalStatus } from '@baqylau/contracts';
import { useTranslation } from 'react-i18next';

const STATUS_COLOR: Record<CapaStatus, string> = {
  open: 'red',
  measures_in_progress: 'orange',
  measures_done: 'yellow',
  evaluated: 'teal',
  closed: 'gray',
};
const PROPOSAL_COLOR: Record<PlanProposalStatus, string> = { pending: 'orange', accepted: 'teal', rejected: 'gray' };

export function CapaStatusBadge({ status }: { status: CapaStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" data-testid="capa-status">
      {t(`common:pc.capaStatus.${status}`)}
    </Badge>
  );
}

export function CapaKindBadge({ kind }: { kind: CapaKind }) {
  const { t } = useTranslation();
  return (
    <Badge color={kind === 'corrective' ? 'blue' : 'grape'} variant="outline">
      {t(`common:pc.capaKind.${kind}`)}
    </Badge>
  );
}

export function ProposalStatusBadge({ status }: { status: PlanProposalStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={PROPOSAL_COLOR[status]} variant="light">
      {t(`common:pc.planProposalStatus.${status}`)}
    </Badge>
  );
}
