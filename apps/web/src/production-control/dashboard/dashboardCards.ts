import type { ComponentType } from 'react';
import { OverdueCard } from './OverdueCard.tsx';

/**
 * THE SLOT for the dashboard's cards below the counts. Each Order 315 feature adds its card here
 * (open violations, pending proposals to suspend work, instructions due …); a card receives the
 * organisation id and decides itself whether the signed-in role sees anything.
 */
export const DASHBOARD_CARDS: { id: string; Card: ComponentType<{ orgId: string }> }[] = [
  { id: 'overdue-inspections', Card: OverdueCard },
  // { id: 'open-violations', Card: OpenViolationsCard },   ← inspections/violations engineer
  // { id: 'pending-proposals', Card: PendingProposalsCard }, ← inspections/violations engineer
];
