import type { Locale } from '@baqylau/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { formatDate, formatDateTime } from '../../platform/format.ts';
import { findOrganisation } from '../../kernel/organisations/organisations.repository.ts';
import { findUserById } from '../../kernel/users/users.repository.ts';
import { placesByIds } from '../premises/premises.repository.ts';
import { findRequest } from './access-requests.repository.ts';

/** The decision letter of an application that has been decided, in the language asked for. */
export async function decisionLetter(deps: AppDeps, organisationId: string, requestId: string, lang: Locale) {
  const r = await findRequest(deps.db, organisationId, requestId);
  if (!r) throw new AppError('cctv.request_not_found');
  if (!r.decidedAt || !r.decidedBy) throw new AppError('cctv.request_state_invalid', { number: r.number, state: r.state });
  const t = deps.translator.forLocale(lang);
  const [org, head, places] = await Promise.all([
    findOrganisation(deps.db, organisationId),
    findUserById(deps.db, r.decidedBy),
    placesByIds(deps.db, organisationId, r.placeIds),
  ]);
  const { renderDecisionLetter } = await import('./decision-letter.pdf.ts');
  return renderDecisionLetter(
    {
      organisationName: (lang === 'kk' ? org?.nameKk : org?.nameRu) ?? '',
      number: r.number,
      receivedOn: formatDate(r.receivedOn),
      applicantName: r.applicantName,
      relationship: t(`common:cctv.relationship.${r.relationship}`),
      patientName: r.patientName,
      dateOfDeath: formatDate(r.dateOfDeath),
      period: `${formatDateTime(r.periodFrom)} – ${formatDateTime(r.periodTo)}`,
      places: places.map((p) => p.name).join(', '),
      granted: r.state === 'granted' || r.state === 'provided',
      reason: r.decisionReason ?? '',
      decidedOn: formatDate(r.decidedAt),
      decidedBy: head?.fullName ?? '',
    },
    t,
  );
}
