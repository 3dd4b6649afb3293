import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { rule } from '../../platform/http/authz.ts';
import { actorOf } from '../../platform/http/actor.ts';
import { ownRecordsFilter, type SessionPrincipal } from '../../platform/http/principal.ts';
import { IsoDate, Ok, OrgParams, Uuid, responses } from '../../platform/http/schemas.ts';
import { openJournal, closeJournal } from './journal.books.ts';
import { confirmIssue, issueRecorder, type IssueInput } from './journal.issue.ts';
import { returnRecorder } from './journal.return.ts';
import { strikeEntry } from './journal.correct.ts';
import { breakageNotesFor, findJournal, listEntries, listJournals, overdueEntries, pendingOrOpenFor } from './journal.repository.ts';
import { uploadStates } from '../continuity/timeline.ts';
import { IssueBody, Journal, JournalEntry, JournalListEntry, ReturnBody, StrikeBody } from './journal.schemas.ts';

const JournalParams = Type.Object({ orgId: Uuid, journalId: Uuid });
const EntryParams = Type.Object({ orgId: Uuid, entryId: Uuid });

export function journalRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const base = '/api/v1/organisations/:orgId/journals';
    const keeper = rule.org(['responsible']);

    app.get(
      base,
      {
        config: { authz: rule.org(['head', 'responsible', 'auditor', 'inspector']) },
        schema: {
          tags: ['journal'],
          summary: 'Journal books, newest first (R444-9)',
          params: OrgParams,
          response: responses({ 200: Type.Array(Journal) }),
        },
      },
      async (req) => listJournals(deps.db, req.params.orgId),
    );

    app.post(
      base,
      {
        config: { authz: keeper },
        schema: {
          tags: ['journal'],
          summary: 'Open a journal book registered in the chancellery (R444-9)',
          params: OrgParams,
          body: Type.Object({
            registrationNumber: Type.String({ minLength: 1, maxLength: 50 }),
            registrationDate: IsoDate,
            startedOn: IsoDate,
          }),
          response: responses({ 201: Journal }),
        },
      },
      async (req, reply) =>
        reply.status(201).send({ ...(await openJournal(deps, actorOf(req), req.params.orgId, req.body)), endedOn: null, sheetCount: null }),
    );

    app.post(
      `${base}/:journalId/close`,
      {
        config: { authz: keeper },
        schema: {
          tags: ['journal'],
          summary: 'Close the journal with its end date and certified number of sheets (R444-9)',
          params: JournalParams,
          body: Type.Object({ endedOn: IsoDate, sheetCount: Type.Integer({ minimum: 1, maximum: 10_000 }) }),
          response: responses({ 200: Ok }),
        },
      },
      async (req) => {
        await closeJournal(deps, actorOf(req), req.params.orgId, req.params.journalId, req.body);
        return { ok: true as const };
      },
    );

    app.get(
      `${base}/:journalId/entries`,
      {
        config: { authz: rule.org(['head', 'responsible', 'auditor', 'inspector']) },
        schema: {
          tags: ['journal'],
          summary:
            'Entries in number order, struck ones included, with breakage notes and upload state; an inspector sees their own (R444-A1)',
          params: JournalParams,
          response: responses({ 200: Type.Array(JournalListEntry) }),
        },
      },
      async (req) => {
        if (!(await findJournal(deps.db, req.params.orgId, req.params.journalId))) throw new AppError('journal.not_found');
        const entries = await listEntries(
          deps.db,
          req.params.orgId,
          req.params.journalId,
          ownRecordsFilter(req.principal as SessionPrincipal, req.params.orgId),
        );
        const [notes, states] = await Promise.all([
          breakageNotesFor(deps.db, req.params.orgId),
          uploadStates(
            deps.db,
            entries.map((e) => e.id),
          ),
        ]);
        return entries.map((e) => ({
          ...e,
          breakages: notes.filter((n) => n.journalEntryId === e.id).map(({ reportedAt, description }) => ({ reportedAt, description })),
          ...states.get(e.id)!,
        }));
      },
    );

    const entries = '/api/v1/organisations/:orgId/journal-entries';
    app.post(
      entries,
      {
        config: { authz: keeper },
        schema: {
          tags: ['journal'],
          summary: "Issue a recorder against the inspector's signature (R444-8, R444-17, R444-20)",
          params: OrgParams,
          body: IssueBody,
          response: responses({ 201: JournalEntry }),
        },
      },
      async (req, reply) => reply.status(201).send(await issueRecorder(deps, actorOf(req), req.params.orgId, req.body as IssueInput)),
    );

    app.get(
      `${entries}/mine`,
      {
        config: { authz: rule.org(['inspector']) },
        schema: {
          tags: ['journal'],
          summary: 'My pending signatures and recorders I hold',
          params: OrgParams,
          response: responses({ 200: Type.Array(JournalEntry) }),
        },
      },
      async (req) => pendingOrOpenFor(deps.db, req.params.orgId, (req.principal as SessionPrincipal).userId),
    );

    app.post(
      `${entries}/:entryId/confirm`,
      {
        config: { authz: rule.org(['inspector']) },
        schema: {
          tags: ['journal'],
          summary: 'The inspector signs a pending issue on their own device',
          params: EntryParams,
          response: responses({ 200: JournalEntry }),
        },
      },
      async (req) => confirmIssue(deps, actorOf(req), req.params.orgId, req.params.entryId),
    );

    app.post(
      `${entries}/:entryId/strike`,
      {
        config: { authz: keeper },
        schema: {
          tags: ['journal'],
          summary: 'Strike an entry with a reason and optionally write the correcting entry (R444-9)',
          params: EntryParams,
          body: StrikeBody,
          response: responses({ 200: Type.Object({ struck: JournalEntry, correction: Type.Union([JournalEntry, Type.Null()]) }) }),
        },
      },
      async (req) => strikeEntry(deps, actorOf(req), req.params.orgId, req.params.entryId, req.body),
    );

    app.post(
      '/api/v1/organisations/:orgId/recorders/:recorderId/return',
      {
        config: { authz: keeper },
        schema: {
          tags: ['journal'],
          summary: 'Return a recorder: both sign, condition and note (R444-10)',
          params: Type.Object({ orgId: Uuid, recorderId: Uuid }),
          body: ReturnBody,
          response: responses({ 200: JournalEntry }),
        },
      },
      async (req) => returnRecorder(deps, actorOf(req), req.params.orgId, req.params.recorderId, req.body),
    );

    app.get(
      '/api/v1/organisations/:orgId/journal-rules',
      {
        config: { authz: rule.org(['head', 'responsible', 'inspector', 'auditor']) },
        schema: {
          tags: ['journal'],
          summary: 'The thresholds this server applies (battery at issue, R444-20; continuity, R444-17)',
          params: OrgParams,
          response: responses({
            200: Type.Object({
              batteryMinPercent: Type.Integer(),
              gapThresholdSeconds: Type.Integer(),
              clockOffsetThresholdSeconds: Type.Integer(),
            }),
          }),
        },
      },
      async () => ({
        batteryMinPercent: deps.config.batteryMinPercent,
        gapThresholdSeconds: deps.config.gapThresholdSeconds,
        clockOffsetThresholdSeconds: deps.config.clockOffsetThresholdSeconds,
      }),
    );

    app.get(
      '/api/v1/organisations/:orgId/overdue-returns',
      {
        config: { authz: rule.org(['head', 'responsible']) },
        schema: {
          tags: ['journal'],
          summary: "Recorders still out after the activity's planned end (R444-10)",
          params: OrgParams,
          response: responses({
            200: Type.Array(
              Type.Object({
                entry: JournalEntry,
                plannedEnd: Type.Unsafe<Date>({ type: 'string', format: 'date-time' }),
                referenceNumber: Type.String(),
              }),
            ),
          }),
        },
      },
      async (req) => overdueEntries(deps.db, req.params.orgId, deps.now()),
    );
  };
}
