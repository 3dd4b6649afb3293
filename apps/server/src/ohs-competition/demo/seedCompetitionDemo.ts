import { Readable } from 'node:stream';
import type { AttachmentKind, OrgRole } from '@baqylau/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import { createPdf, pdfBuffer } from '../../platform/pdf/pdf.ts';
import { dateInZone } from '../../platform/time.ts';
import type { DemoIds } from '../../kernel/demo/demo.types.ts';
import { createApplication, recordFatalAccident } from '../applications/applications.usecases.ts';
import { attachDocument, type DocumentMeta } from '../applications/documents.usecases.ts';
import { submitApplication } from '../applications/submitApplication.ts';
import { addCommissionMember, formCommission } from '../judging/commissions.usecases.ts';
import { reviewIndicator } from '../judging/reviews.usecases.ts';
import { enterStageOne } from '../judging/stage-one.usecases.ts';
import { listMemberOrganisations } from '../member-organisations/member-organisations.repository.ts';
import { openYear } from '../years/years.usecases.ts';
import { DEMO_MEMBER_ORGANISATIONS, type DemoMemberKey } from './demo-data.ts';
import { DEMO_CANDIDATES, demoQuestionnaire } from './demo-candidates.ts';
import { STAGE_ONE_MEMBER, formStageOneCommission, holdStageOne } from './seedStageOne.ts';

/** A one-page PDF standing for a scanned document. */
async function scan(title: string, lines: string[]) {
  const doc = createPdf({ title });
  doc.addPage();
  doc.font('bold').fontSize(14).text(title, { align: 'center' });
  doc.moveDown().font('regular').fontSize(11);
  for (const l of lines) doc.text(l);
  return pdfBuffer(doc);
}

/**
 * The demo competition, through the use cases: the reporting year whose submissions are still open
 * (the previous one until 20 March, then the current one), three member organisations — Karaganda
 * holding its stage I here with its own commission, which reduces one indicator and sends its winner
 * of each group on — six candidates in both groups (five sent to stage II, one of them excluded for a
 * fatal accident), the republican commission, one indicator reduced by a member, and a tie for places
 * II–III waiting for the commission.
 */
export async function seedCompetitionDemo(deps: AppDeps, ids: DemoIds) {
  const union = ids.orgIds.get('union')!;
  const user = (login: string) => ({ kind: 'user' as const, id: ids.userIds.get(login)! });
  const viewer = (login: string, role: OrgRole) => ({ userId: ids.userIds.get(login)!, roles: new Set<OrgRole>([role]) });
  const today = dateInZone(deps.now());
  const reportingYear = Number(today.slice(0, 4)) - (today.slice(5) <= '03-20' ? 1 : 0);
  const year = await openYear(deps, user('secretary'), union, { reportingYear });
  const members = new Map<DemoMemberKey, string>();
  for (const m of await listMemberOrganisations(deps.db, union))
    for (const [key, names] of Object.entries(DEMO_MEMBER_ORGANISATIONS))
      if (names.nameKk === m.nameKk) members.set(key as DemoMemberKey, m.id);

  const stageOneMember = members.get(STAGE_ONE_MEMBER)!;
  await formStageOneCommission(deps, ids, year.id, stageOneMember, reportingYear);

  const applications = new Map<string, string>();
  for (const c of DEMO_CANDIDATES) {
    const by = user(c.coordinator);
    const as = viewer(c.coordinator, 'member_coordinator');
    const app = await createApplication(deps, by, as, union, year.id, {
      memberOrganisationId: members.get(c.member)!,
      educationOrganisationType: c.type,
      questionnaire: demoQuestionnaire(c, DEMO_MEMBER_ORGANISATIONS[c.member].nameKk),
      characteristic: `${c.fullName} — ұйымда еңбекті қорғау жөніндегі ішкі бақылауды жүйелі жүргізеді; ұсыныстары уақтылы орындалады.`,
      explanatoryNote: `${reportingYear} жылы атқарылған жұмыс: тексерулер, ұсыныстар, семинарлар, консультациялар (көрсеткіштер кестесіне қоса беріледі).`,
      counts: c.counts,
    });
    applications.set(c.key, app.id);
    const attach = async (meta: DocumentMeta, lines: string[]) => {
      const bytes = await scan(meta.title, [c.fullName, c.organisation, ...lines]);
      const stored = await deps.store.put(Readable.from(bytes));
      await attachDocument(deps, by, as, union, app.id, meta, {
        ...stored,
        mime: 'application/pdf',
        fileName: `${c.key}-${meta.kind}.pdf`,
      });
    };
    for (const e of c.evidence) {
      const eventDate = `${reportingYear - (e.lastYear ? 1 : 0)}-${String(e.month).padStart(2, '0')}-15`;
      await attach({ kind: 'evidence', indicatorId: e.indicator, eventDate, title: e.title }, [`Оқиға күні: ${eventDate}`]);
    }
    for (const kind of c.attachments as AttachmentKind[]) await attach({ kind, title: ATTACHMENT_TITLES[kind] }, []);
    // Karaganda holds its stage I here: its candidates enter it; the others go straight to stage II.
    if (c.member === STAGE_ONE_MEMBER) await enterStageOne(deps, by, as, union, app.id);
    else await submitApplication(deps, by, as, union, app.id);
    if (c.fatalAccidentMonth)
      await recordFatalAccident(deps, user('secretary'), viewer('secretary', 'competition_secretary'), union, app.id, {
        occurredOn: `${reportingYear}-${String(c.fatalAccidentMonth).padStart(2, '0')}-10`,
        note: 'Мемлекеттік еңбек инспекциясының хабарламасы: өндірістегі өліммен аяқталған жазатайым оқиға',
      });
  }

  await holdStageOne(deps, ids, applications);

  const commission = await formCommission(deps, user('union'), union, year.id, {
    level: 'republican',
    formedBy: `Кәсіподақ төрағасының ${reportingYear + 1} жылғы 2 наурыздағы № 12 өкімі`,
  });
  await addCommissionMember(deps, user('union'), union, commission.id, { userId: ids.userIds.get('judge1')!, chair: true });
  await addCommissionMember(deps, user('union'), union, commission.id, {
    userId: ids.userIds.get('judge2')!,
    memberOrganisationId: members.get('karaganda'),
  });
  await addCommissionMember(deps, user('union'), union, commission.id, {
    userId: ids.userIds.get('judge3')!,
    memberOrganisationId: members.get('astana'),
  });

  const review = (login: string, key: string, indicatorId: 'm1' | 'm2', acceptedCount: number, reason?: string) =>
    reviewIndicator(deps, user(login), viewer(login, 'commission_member'), union, applications.get(key)!, {
      indicatorId,
      acceptedCount,
      reason,
    });
  await review('judge1', 'akhmetova', 'm1', 10);
  await review('judge3', 'akhmetova', 'm2', 18, '7 ұсыныста бұзушылық анықталған күн көрсетілмеген: олар есептелмейді');
  await review('judge2', 'beketov', 'm1', 6);
  await review('judge2', 'sarsenova', 'm1', 5);
}

const ATTACHMENT_TITLES: Record<AttachmentKind, string> = {
  best_practice_sheet: 'Озық жұмыс тәжірибесінің парағы',
  video: 'Бейнеролик',
  article: 'Еңбекті қорғау саласындағы жұмыс әдістері туралы мақала',
  inspector_certificate: 'Техникалық инспектор куәлігінің көшірмесі',
  poster: 'Еңбекті қорғауға арналған плакат',
  nominating_decision: 'Мүшелік ұйымның басшы органының кандидатты ұсыну туралы шешімі',
  no_fatal_accident_certificate: 'Өліммен аяқталған жазатайым оқиғалардың болмауы туралы анықтама',
};
