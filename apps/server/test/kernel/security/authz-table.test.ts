import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../../src/kernel/tokens/tokens.usecases.ts';
import { createTestContext, type TestContext } from '../../support/test-app.ts';
import { ApiClient, seedWorld } from '../../support/world.ts';

/**
 * Every route in the OpenAPI document × every role × a user and a token of
 * another organisation. The table is written by hand from the rules (R444-6,
 * R444-13), not derived from the code: a route missing here fails the test.
 */
const ACTORS = [
  'anonymous',
  'admin',
  'head',
  'responsible',
  'inspector',
  'auditor',
  'foreignHead',
  'dock',
  'foreignDock',
  'clinicHead',
  'cctvOfficer',
  'unionHead',
  'secretary',
  'coordinator',
  'judge',
  // Order 315: the people of the demo operator (its first head is `foreignHead`, the operator's head).
  'pcServiceHead',
  'pcOfficial',
  'unitHead',
  'performer',
] as const;
type ActorName = (typeof ACTORS)[number];

const SESSIONS: ActorName[] = [
  'admin',
  'head',
  'responsible',
  'inspector',
  'auditor',
  'foreignHead',
  'clinicHead',
  'cctvOfficer',
  'unionHead',
  'secretary',
  'coordinator',
  'judge',
  'pcServiceHead',
  'pcOfficial',
  'unitHead',
  'performer',
];
/** DSM-335 routes are called on the demo clinic; the subdivision's people are a foreign organisation there. */
const CCTV_READ: ActorName[] = ['clinicHead', 'cctvOfficer'];
const CCTV_KEEP: ActorName[] = ['clinicHead', 'cctvOfficer'];
const CCTV_DECIDE: ActorName[] = ['clinicHead'];
/** Union competition routes are called on the demo union: its head and secretary organise, a coordinator prepares, a commission member judges. */
const COMP_READ: ActorName[] = ['unionHead', 'secretary', 'coordinator', 'judge'];
const COMP_ORGANISE: ActorName[] = ['unionHead', 'secretary'];
const COMP_PREPARE: ActorName[] = ['unionHead', 'secretary', 'coordinator'];
const COMP_JUDGING_READ: ActorName[] = ['unionHead', 'secretary', 'judge'];
/** Order 315 routes are called on the demo operator, whose first head is `foreignHead` (the kernel `head`). */
const PC_READ: ActorName[] = ['foreignHead', 'pcServiceHead', 'pcOfficial', 'unitHead'];
const PC_SERVICE: ActorName[] = ['foreignHead', 'pcServiceHead', 'pcOfficial'];
const PC_FIRST_HEAD: ActorName[] = ['foreignHead'];
const EVERYONE: ActorName[] = [...ACTORS];
/**
 * Order 315 after the inspection (acts, instructions, orders, measures, the monthly check), called on
 * the demo operator: its head (`foreignHead` to the subdivision) is the first head.
 */
const PC_PARTICIPANTS: ActorName[] = [...PC_READ, 'performer'];
const PC_OFFICIALS: ActorName[] = ['pcServiceHead', 'pcOfficial'];
const PC_PERFORM: ActorName[] = ['unitHead', 'performer'];
const PC = '/api/v1/organisations/{orgId}/production-control';
const PC_ITEM = `${PC}/instructions/{instructionId}/items/{itemId}`;

// ---- Order 315 set-up: facilities, officials, checklists, schedule, forms (R315-3, R315-7, R315-11) ----
const PC_ORGANISE: ActorName[] = ['foreignHead', 'pcServiceHead'];
const PC_SETUP_ROWS: Record<string, ActorName[]> = {
  'GET /api/v1/organisations/{orgId}/production-control/facilities': PC_READ,
  'POST /api/v1/organisations/{orgId}/production-control/facilities': PC_ORGANISE,
  'GET /api/v1/organisations/{orgId}/production-control/facilities/{facilityId}': PC_READ,
  'PATCH /api/v1/organisations/{orgId}/production-control/facilities/{facilityId}': PC_ORGANISE,
  'POST /api/v1/organisations/{orgId}/production-control/facilities/{facilityId}/decommission': PC_ORGANISE,
  'POST /api/v1/organisations/{orgId}/production-control/facilities/{facilityId}/units': PC_ORGANISE,
  'PATCH /api/v1/organisations/{orgId}/production-control/units/{unitId}': PC_ORGANISE,
  'GET /api/v1/organisations/{orgId}/production-control/people': PC_READ,
  'GET /api/v1/organisations/{orgId}/production-control/appointments': PC_READ,
  'POST /api/v1/organisations/{orgId}/production-control/appointments': PC_FIRST_HEAD,
  'POST /api/v1/organisations/{orgId}/production-control/appointments/{appointmentId}/end': PC_FIRST_HEAD,
  'GET /api/v1/organisations/{orgId}/production-control/checklists': PC_READ,
  'POST /api/v1/organisations/{orgId}/production-control/checklists': PC_ORGANISE,
  'POST /api/v1/organisations/{orgId}/production-control/checklists/import': PC_ORGANISE,
  'GET /api/v1/organisations/{orgId}/production-control/checklists/{checklistId}': PC_READ,
  'POST /api/v1/organisations/{orgId}/production-control/checklists/{checklistId}/versions': PC_ORGANISE,
  'GET /api/v1/organisations/{orgId}/production-control/checklists/{checklistId}/versions/{version}': PC_READ,
  'PUT /api/v1/organisations/{orgId}/production-control/checklists/{checklistId}/versions/{version}': PC_ORGANISE,
  'POST /api/v1/organisations/{orgId}/production-control/checklists/{checklistId}/versions/{version}/publish': PC_ORGANISE,
  'GET /api/v1/organisations/{orgId}/production-control/checklists/{checklistId}/versions/{version}/export': PC_READ,
  'GET /api/v1/organisations/{orgId}/production-control/dashboard': PC_READ,
  'GET /api/v1/organisations/{orgId}/production-control/schedule/overdue': PC_READ,
  'GET /api/v1/organisations/{orgId}/production-control/schedules': PC_READ,
  'POST /api/v1/organisations/{orgId}/production-control/schedules': PC_ORGANISE,
  'GET /api/v1/organisations/{orgId}/production-control/schedules/{scheduleId}': PC_READ,
  'GET /api/v1/organisations/{orgId}/production-control/schedules/{scheduleId}/calendar': PC_READ,
  'POST /api/v1/organisations/{orgId}/production-control/schedules/{scheduleId}/items': PC_ORGANISE,
  'PATCH /api/v1/organisations/{orgId}/production-control/schedules/{scheduleId}/items/{itemId}': PC_ORGANISE,
  'DELETE /api/v1/organisations/{orgId}/production-control/schedules/{scheduleId}/items/{itemId}': PC_ORGANISE,
  'POST /api/v1/organisations/{orgId}/production-control/schedules/{scheduleId}/approve': PC_FIRST_HEAD,
  'POST /api/v1/organisations/{orgId}/production-control/schedules/{scheduleId}/revisions': PC_ORGANISE,
  'GET /api/v1/organisations/{orgId}/production-control/schedules/{scheduleId}/print.pdf': PC_READ,
  'GET /api/v1/organisations/{orgId}/production-control/forms/{form}': PC_ORGANISE,
  'PUT /api/v1/organisations/{orgId}/production-control/forms/{form}': PC_ORGANISE,
};

const TABLE: Record<string, ActorName[]> = {
  'GET /healthz': EVERYONE,
  'GET /readyz': EVERYONE,
  'GET /api/v1/instance/public-key': EVERYONE,
  'POST /api/v1/auth/login': EVERYONE,
  'POST /api/v1/auth/totp': SESSIONS,
  'POST /api/v1/auth/totp/enrolment': SESSIONS,
  'POST /api/v1/auth/totp/enrolment/confirm': SESSIONS,
  'POST /api/v1/auth/logout': SESSIONS,
  'POST /api/v1/auth/logout-everywhere': SESSIONS,
  'GET /api/v1/me': SESSIONS,
  'PATCH /api/v1/me': SESSIONS,
  'POST /api/v1/me/password': SESSIONS,
  'PUT /api/v1/me/organisation': SESSIONS,
  'GET /api/v1/organisations': ['admin'],
  'POST /api/v1/organisations': ['admin'],
  'GET /api/v1/organisations/{orgId}': ['admin', 'head', 'responsible', 'inspector', 'auditor'],
  'GET /api/v1/users': ['admin'],
  'POST /api/v1/users': ['admin'],
  'GET /api/v1/organisations/{orgId}/members': ['admin', 'head', 'responsible', 'auditor'],
  'POST /api/v1/organisations/{orgId}/members': ['admin'],
  'DELETE /api/v1/organisations/{orgId}/members/{userId}/roles/{role}': ['admin'],
  'GET /api/v1/organisations/{orgId}/appointments': ['head', 'responsible', 'auditor'],
  'POST /api/v1/organisations/{orgId}/appointments': ['head'],
  'POST /api/v1/organisations/{orgId}/appointments/{appointmentId}/end': ['head'],
  'GET /api/v1/organisations/{orgId}/api-tokens': ['head', 'responsible'],
  'POST /api/v1/organisations/{orgId}/api-tokens': ['head', 'responsible'],
  'POST /api/v1/organisations/{orgId}/api-tokens/{tokenId}/revoke': ['head', 'responsible'],
  'GET /api/v1/dock/whoami': ['dock', 'foreignDock'],
  'POST /api/v1/dock/uploads': ['dock', 'foreignDock'],
  'HEAD /api/v1/dock/uploads/{uploadId}': ['dock', 'foreignDock'],
  'PATCH /api/v1/dock/uploads/{uploadId}': ['dock', 'foreignDock'],
  'DELETE /api/v1/dock/uploads/{uploadId}': ['dock', 'foreignDock'],
  'POST /api/v1/dock/uploads/{uploadId}/confirm': ['dock', 'foreignDock'],
  'GET /api/v1/dock/receipts/{uploadId}': ['dock', 'foreignDock'],
  'POST /api/v1/dock/dockings': ['dock', 'foreignDock'],
  // R444-6: the responsible person uploads and stores; the head sees what holds the staging disk.
  'GET /api/v1/organisations/{orgId}/partial-uploads': ['head', 'responsible'],
  'POST /api/v1/organisations/{orgId}/partial-uploads/{uploadId}/remove': ['responsible'],
  'GET /api/v1/organisations/{orgId}/ledger': ['head', 'auditor'],
  'GET /api/v1/organisations/{orgId}/access-refusals': ['head', 'auditor'],
  'POST /api/v1/organisations/{orgId}/ledger/verify': ['head', 'auditor'],
  'GET /api/v1/organisations/{orgId}/ledger/checkpoints': ['head', 'auditor'],
  'POST /api/v1/organisations/{orgId}/ledger/checkpoints': ['head'],
  'GET /api/v1/organisations/{orgId}/activities': ['head', 'responsible', 'inspector', 'auditor'],
  'POST /api/v1/organisations/{orgId}/activities': ['head', 'responsible'],
  'GET /api/v1/organisations/{orgId}/activities/{activityId}': ['head', 'responsible', 'inspector', 'auditor'],
  'GET /api/v1/organisations/{orgId}/recorders': ['head', 'responsible', 'auditor'],
  'POST /api/v1/organisations/{orgId}/recorders': ['responsible'],
  'GET /api/v1/organisations/{orgId}/recorders/{recorderId}': ['head', 'responsible', 'auditor'],
  'POST /api/v1/organisations/{orgId}/recorders/{recorderId}/breakage': ['responsible', 'inspector'],
  'POST /api/v1/organisations/{orgId}/recorders/{recorderId}/repair': ['responsible'],
  'POST /api/v1/organisations/{orgId}/recorders/{recorderId}/repaired': ['responsible'],
  'POST /api/v1/organisations/{orgId}/recorders/{recorderId}/write-off': ['responsible'],
  'POST /api/v1/organisations/{orgId}/recorders/{recorderId}/return': ['responsible'],
  'GET /api/v1/organisations/{orgId}/journals': ['head', 'responsible', 'inspector', 'auditor'],
  'POST /api/v1/organisations/{orgId}/journals': ['responsible'],
  'POST /api/v1/organisations/{orgId}/journals/{journalId}/close': ['responsible'],
  'GET /api/v1/organisations/{orgId}/journals/{journalId}/entries': ['head', 'responsible', 'inspector', 'auditor'],
  'POST /api/v1/organisations/{orgId}/journal-entries': ['responsible'],
  'GET /api/v1/organisations/{orgId}/journal-entries/mine': ['responsible', 'inspector'],
  'POST /api/v1/organisations/{orgId}/journal-entries/{entryId}/confirm': ['responsible', 'inspector'],
  'POST /api/v1/organisations/{orgId}/journal-entries/{entryId}/strike': ['responsible'],
  'GET /api/v1/organisations/{orgId}/overdue-returns': ['head', 'responsible'],
  'GET /api/v1/organisations/{orgId}/journal-rules': ['head', 'responsible', 'inspector', 'auditor'],
  'GET /api/v1/organisations/{orgId}/journals/{journalId}/print.pdf': ['head', 'responsible', 'auditor'],
  'GET /api/v1/organisations/{orgId}/journals/{journalId}/export.xlsx': ['head', 'responsible', 'auditor'],
  'GET /api/v1/organisations/{orgId}/badge.pdf': ['head', 'responsible', 'inspector', 'auditor'],
  'GET /api/v1/organisations/{orgId}/notifications': ['head', 'responsible', 'inspector', 'auditor'],
  'POST /api/v1/organisations/{orgId}/notifications/read': ['head', 'responsible', 'inspector', 'auditor'],
  'GET /api/v1/organisations/{orgId}/retention/due': ['head', 'responsible', 'auditor'],
  'GET /api/v1/organisations/{orgId}/retention/upcoming': ['head', 'responsible', 'auditor'],
  'POST /api/v1/organisations/{orgId}/retention/deletions': ['responsible'],
  'GET /api/v1/organisations/{orgId}/retention/acts': ['head', 'responsible', 'auditor'],
  'GET /api/v1/organisations/{orgId}/retention/acts/{actId}/pdf': ['head', 'responsible', 'auditor'],
  'GET /api/v1/organisations/{orgId}/recordings/{recordingId}/holds': ['head', 'responsible', 'auditor'],
  'POST /api/v1/organisations/{orgId}/recordings/{recordingId}/holds': ['head'],
  'POST /api/v1/organisations/{orgId}/holds/{holdId}/lift': ['head'],
  'GET /api/v1/organisations/{orgId}/activities/{activityId}/timeline': ['head', 'responsible', 'inspector', 'auditor'],
  'GET /api/v1/organisations/{orgId}/findings': ['head', 'responsible', 'auditor'],
  'POST /api/v1/organisations/{orgId}/findings/{findingId}/annotations': ['head'],
  'GET /api/v1/organisations/{orgId}/recordings': ['head', 'responsible', 'auditor'],
  'GET /api/v1/organisations/{orgId}/recordings/{recordingId}': ['head', 'responsible', 'auditor'],
  'GET /api/v1/organisations/{orgId}/recordings/{recordingId}/media': ['head', 'responsible'],
  'POST /api/v1/organisations/{orgId}/access-purposes': ['head', 'responsible'],
  'POST /api/v1/organisations/{orgId}/recordings/{recordingId}/attach': ['responsible'],
  'GET /api/v1/organisations/{orgId}/recordings/{recordingId}/thumbnails': ['head', 'responsible'],
  'POST /api/v1/organisations/{orgId}/activities/{activityId}/materials': ['head', 'responsible', 'inspector'],
  'GET /api/v1/organisations/{orgId}/activities/{activityId}/materials': ['head', 'responsible', 'auditor'],
  'GET /api/v1/organisations/{orgId}/activities/{activityId}/materials/{materialId}/file': ['head', 'responsible'],
  'GET /api/v1/organisations/{orgId}/packages': ['head', 'responsible', 'auditor'],
  'POST /api/v1/organisations/{orgId}/packages': ['head', 'responsible'],
  'GET /api/v1/organisations/{orgId}/packages/{packageId}': ['head', 'responsible', 'auditor'],
  'POST /api/v1/organisations/{orgId}/packages/{packageId}/links': ['head', 'responsible'],
  'GET /api/v1/organisations/{orgId}/packages/{packageId}/download': ['head', 'responsible'],
  'GET /api/v1/organisations/{orgId}/cctv/profile': CCTV_READ,
  'PUT /api/v1/organisations/{orgId}/cctv/profile': CCTV_KEEP,
  'GET /api/v1/organisations/{orgId}/cctv/places': CCTV_READ,
  'POST /api/v1/organisations/{orgId}/cctv/places': CCTV_KEEP,
  'PATCH /api/v1/organisations/{orgId}/cctv/places/{placeId}': CCTV_KEEP,
  'DELETE /api/v1/organisations/{orgId}/cctv/places/{placeId}': CCTV_KEEP,
  'PUT /api/v1/organisations/{orgId}/cctv/places/{placeId}/plan': CCTV_KEEP,
  'GET /api/v1/organisations/{orgId}/cctv/places/{placeId}/plan': CCTV_READ,
  'POST /api/v1/organisations/{orgId}/cctv/places/import': CCTV_KEEP,
  'GET /api/v1/organisations/{orgId}/cctv/cameras': CCTV_READ,
  'POST /api/v1/organisations/{orgId}/cctv/cameras': CCTV_KEEP,
  'POST /api/v1/organisations/{orgId}/cctv/cameras/{cameraId}/move': CCTV_KEEP,
  'PUT /api/v1/organisations/{orgId}/cctv/cameras/{cameraId}/sign': CCTV_KEEP,
  'PUT /api/v1/organisations/{orgId}/cctv/cameras/{cameraId}/sign/photo': CCTV_KEEP,
  'GET /api/v1/organisations/{orgId}/cctv/cameras/{cameraId}/sign/photo': CCTV_READ,
  'PUT /api/v1/organisations/{orgId}/cctv/cameras/{cameraId}/pin': CCTV_KEEP,
  'POST /api/v1/organisations/{orgId}/cctv/cameras/{cameraId}/remove': CCTV_KEEP,
  'GET /api/v1/organisations/{orgId}/cctv/consents': CCTV_READ,
  'POST /api/v1/organisations/{orgId}/cctv/consents': CCTV_KEEP,
  'POST /api/v1/organisations/{orgId}/cctv/consents/written': CCTV_KEEP,
  'POST /api/v1/organisations/{orgId}/cctv/consents/{consentId}/withdraw': CCTV_KEEP,
  'GET /api/v1/organisations/{orgId}/cctv/consents/{consentId}/document': CCTV_KEEP,
  'GET /api/v1/organisations/{orgId}/cctv/compliance': CCTV_READ,
  'GET /api/v1/organisations/{orgId}/cctv/compliance.pdf': CCTV_READ,
  'GET /api/v1/organisations/{orgId}/cctv/sign.pdf': CCTV_READ,
  'GET /api/v1/organisations/{orgId}/cctv/requests': CCTV_READ,
  'POST /api/v1/organisations/{orgId}/cctv/requests': CCTV_KEEP,
  'GET /api/v1/organisations/{orgId}/cctv/requests/{requestId}': CCTV_READ,
  'POST /api/v1/organisations/{orgId}/cctv/requests/{requestId}/hold-confirmed': CCTV_KEEP,
  'POST /api/v1/organisations/{orgId}/cctv/requests/{requestId}/decision': CCTV_DECIDE,
  'POST /api/v1/organisations/{orgId}/cctv/requests/{requestId}/files': CCTV_KEEP,
  'GET /api/v1/organisations/{orgId}/cctv/requests/{requestId}/files/{fileId}': CCTV_KEEP,
  'POST /api/v1/organisations/{orgId}/cctv/requests/{requestId}/disclosure': CCTV_KEEP,
  'GET /api/v1/organisations/{orgId}/cctv/requests/{requestId}/decision.pdf': CCTV_READ,
  'POST /api/v1/organisations/{orgId}/cctv/requests/{requestId}/packages': CCTV_KEEP,
  'GET /api/v1/organisations/{orgId}/cctv/requests/{requestId}/packages/{packageId}/download': CCTV_KEEP,
  'GET /api/v1/organisations/{orgId}/competition/member-organisations': COMP_READ,
  'POST /api/v1/organisations/{orgId}/competition/member-organisations': COMP_ORGANISE,
  'POST /api/v1/organisations/{orgId}/competition/member-organisations/{memberOrganisationId}/coordinators': COMP_ORGANISE,
  'GET /api/v1/organisations/{orgId}/competition/people': COMP_ORGANISE,
  'GET /api/v1/organisations/{orgId}/competition/years': COMP_READ,
  'POST /api/v1/organisations/{orgId}/competition/years': COMP_ORGANISE,
  'GET /api/v1/organisations/{orgId}/competition/years/{yearId}': COMP_READ,
  'GET /api/v1/organisations/{orgId}/competition/years/{yearId}/applications': COMP_READ,
  'POST /api/v1/organisations/{orgId}/competition/years/{yearId}/applications': COMP_PREPARE,
  'GET /api/v1/organisations/{orgId}/competition/applications/{applicationId}': COMP_READ,
  'PATCH /api/v1/organisations/{orgId}/competition/applications/{applicationId}': COMP_PREPARE,
  'POST /api/v1/organisations/{orgId}/competition/applications/{applicationId}/submit': COMP_PREPARE,
  'POST /api/v1/organisations/{orgId}/competition/applications/{applicationId}/fatal-accident': COMP_PREPARE,
  'POST /api/v1/organisations/{orgId}/competition/applications/{applicationId}/documents': COMP_PREPARE,
  'POST /api/v1/organisations/{orgId}/competition/applications/{applicationId}/documents/{documentId}/detach': COMP_PREPARE,
  'GET /api/v1/organisations/{orgId}/competition/applications/{applicationId}/documents/{documentId}': COMP_READ,
  'GET /api/v1/organisations/{orgId}/competition/years/{yearId}/commissions': COMP_READ,
  'POST /api/v1/organisations/{orgId}/competition/years/{yearId}/commissions': COMP_ORGANISE,
  'POST /api/v1/organisations/{orgId}/competition/commissions/{commissionId}/members': COMP_ORGANISE,
  'POST /api/v1/organisations/{orgId}/competition/applications/{applicationId}/reviews': ['judge'],
  'GET /api/v1/organisations/{orgId}/competition/applications/{applicationId}/reviews': COMP_JUDGING_READ,
  'POST /api/v1/organisations/{orgId}/competition/applications/{applicationId}/stage-one': COMP_PREPARE,
  'POST /api/v1/organisations/{orgId}/competition/applications/{applicationId}/stage-one/selection': ['judge'],
  'GET /api/v1/organisations/{orgId}/competition/years/{yearId}/results': COMP_JUDGING_READ,
  'POST /api/v1/organisations/{orgId}/competition/years/{yearId}/ties': ['judge'],
  'POST /api/v1/organisations/{orgId}/competition/years/{yearId}/protocol/signatures': ['judge'],
  'GET /api/v1/organisations/{orgId}/competition/years/{yearId}/protocol.pdf': COMP_JUDGING_READ,
  'POST /api/v1/organisations/{orgId}/competition/years/{yearId}/publish': COMP_ORGANISE,
  'GET /api/v1/organisations/{orgId}/competition/published': EVERYONE,
  'GET /api/v1/organisations/{orgId}/competition/published/{reportingYear}': EVERYONE,
  'GET /api/v1/organisations/{orgId}/competition/published/{reportingYear}/materials/{documentId}': EVERYONE,
  // ── Order 315: inspections, brief, findings, proposals, journal (branch pc-inspect) ──
  'GET /api/v1/organisations/{orgId}/production-control/inspections': PC_READ,
  'POST /api/v1/organisations/{orgId}/production-control/inspections': PC_SERVICE,
  'GET /api/v1/organisations/{orgId}/production-control/inspections/brief': PC_SERVICE,
  'POST /api/v1/organisations/{orgId}/production-control/inspections/extraordinary': PC_FIRST_HEAD,
  'GET /api/v1/organisations/{orgId}/production-control/inspections/{inspectionId}': PC_READ,
  'GET /api/v1/organisations/{orgId}/production-control/inspections/{inspectionId}/brief': PC_SERVICE,
  'POST /api/v1/organisations/{orgId}/production-control/inspections/{inspectionId}/items/{itemId}/answer': PC_SERVICE,
  'POST /api/v1/organisations/{orgId}/production-control/inspections/{inspectionId}/complete': PC_SERVICE,
  'GET /api/v1/organisations/{orgId}/production-control/violations': PC_READ,
  'GET /api/v1/organisations/{orgId}/production-control/violations/{violationId}': PC_READ,
  'POST /api/v1/organisations/{orgId}/production-control/violations/{violationId}/attachments': PC_SERVICE,
  'GET /api/v1/organisations/{orgId}/production-control/violations/{violationId}/attachments/{attachmentId}': PC_READ,
  'GET /api/v1/organisations/{orgId}/production-control/proposals': PC_READ,
  'POST /api/v1/organisations/{orgId}/production-control/proposals': PC_SERVICE,
  'POST /api/v1/organisations/{orgId}/production-control/proposals/{proposalId}/decision': PC_FIRST_HEAD,
  'POST /api/v1/organisations/{orgId}/production-control/proposals/{proposalId}/close': PC_FIRST_HEAD,
  'GET /api/v1/organisations/{orgId}/production-control/journal': PC_READ,
  'GET /api/v1/organisations/{orgId}/production-control/journal.pdf': PC_READ,
  // ── end of Order 315 (pc-inspect) ──
  // — Order 315 after the inspection (branch pc-instruct) —
  [`POST ${PC}/inspections/{inspectionId}/act`]: PC_OFFICIALS,
  [`GET ${PC}/instructions`]: PC_READ,
  [`GET ${PC}/instructions/{instructionId}`]: PC_READ,
  [`GET ${PC}/instructions/{instructionId}/instruction.pdf`]: PC_READ,
  [`GET ${PC}/acts/{actId}/act.pdf`]: PC_READ,
  [`POST ${PC_ITEM}/agreement`]: ['unitHead'],
  [`POST ${PC_ITEM}/settlement`]: PC_FIRST_HEAD,
  [`POST ${PC_ITEM}/report`]: PC_PERFORM,
  [`POST ${PC_ITEM}/verification`]: PC_OFFICIALS,
  [`POST ${PC_ITEM}/evidence`]: PC_PERFORM,
  [`GET ${PC_ITEM}/evidence/{attachmentId}`]: PC_PARTICIPANTS,
  [`GET ${PC}/measures/mine`]: PC_PERFORM,
  [`POST ${PC}/instructions/{instructionId}/performers-order`]: PC_FIRST_HEAD,
  [`POST ${PC}/instructions/{instructionId}/cancel`]: PC_FIRST_HEAD,
  [`POST ${PC}/instructions/{instructionId}/close`]: PC_SERVICE,
  [`GET ${PC}/orders/{orderId}/order.pdf`]: PC_READ,
  [`GET ${PC}/monthly-checks/draft`]: PC_OFFICIALS,
  [`POST ${PC}/monthly-checks`]: PC_OFFICIALS,
  [`GET ${PC}/monthly-checks`]: PC_SERVICE,
  // R315-18: the monthly report — read by the service and the head, presented by the officials, approved by the first head.
  [`GET ${PC}/reports/monthly`]: PC_SERVICE,
  [`GET ${PC}/reports/trends`]: PC_SERVICE,
  [`GET ${PC}/reports/monthly/{month}`]: PC_SERVICE,
  [`GET ${PC}/reports/monthly/{month}/report.pdf`]: PC_SERVICE,
  [`POST ${PC}/reports/monthly/{month}/presentation`]: PC_OFFICIALS,
  [`POST ${PC}/reports/monthly/versions/{reportId}/approval`]: PC_FIRST_HEAD,
  // Issue 18: offline field inspections — the service syncs records made without network.
  [`GET ${PC}/inspections/{inspectionId}/offline/receipts`]: PC_SERVICE,
  [`PUT ${PC}/inspections/{inspectionId}/offline/answers/{clientId}`]: PC_SERVICE,
  [`PUT ${PC}/inspections/{inspectionId}/offline/photos/{clientId}`]: PC_SERVICE,
  [`PUT ${PC}/inspections/{inspectionId}/offline/acknowledgement/{clientId}`]: PC_SERVICE,
  // R315-21: corrective and preventive actions — read by the service, the head and unit heads (own units, in the use case); kept
  // by the service; measures approved and proposals decided by the first head; closed and the taxonomy edited by the organisers.
  [`GET ${PC}/capa/causes`]: PC_READ,
  [`POST ${PC}/capa/causes`]: PC_ORGANISE,
  [`POST ${PC}/capa/causes/defaults`]: PC_ORGANISE,
  [`PATCH ${PC}/capa/causes/{causeId}`]: PC_ORGANISE,
  [`DELETE ${PC}/capa/causes/{causeId}`]: PC_ORGANISE,
  [`POST ${PC}/capa/causes/{causeId}/retire`]: PC_ORGANISE,
  [`GET ${PC}/capa/summary`]: PC_SERVICE,
  [`GET ${PC}/capa/plan-proposals`]: PC_READ,
  [`POST ${PC}/capa/plan-proposals`]: PC_SERVICE,
  [`POST ${PC}/capa/plan-proposals/{proposalId}/accept`]: PC_FIRST_HEAD,
  [`POST ${PC}/capa/plan-proposals/{proposalId}/reject`]: PC_FIRST_HEAD,
  [`GET ${PC}/capas`]: PC_READ,
  [`POST ${PC}/capas`]: PC_SERVICE,
  [`GET ${PC}/capas/{capaId}`]: PC_READ,
  [`POST ${PC}/capas/{capaId}/causes`]: PC_SERVICE,
  [`POST ${PC}/capas/{capaId}/measures`]: PC_SERVICE,
  [`POST ${PC}/capas/{capaId}/decisions`]: PC_FIRST_HEAD,
  [`POST ${PC}/capas/{capaId}/measures/{measureId}/done`]: PC_READ,
  [`POST ${PC}/capas/{capaId}/evaluations`]: PC_SERVICE,
  [`POST ${PC}/capas/{capaId}/management-reports`]: PC_SERVICE,
  [`POST ${PC}/capas/{capaId}/close`]: PC_ORGANISE,
  // R315-4, R315-6, R315-26: technical devices, buildings and structures — read by the readers, kept by the organisers, examinations recorded by the service.
  [`GET ${PC}/technical-objects`]: PC_READ,
  [`POST ${PC}/technical-objects`]: PC_ORGANISE,
  [`POST ${PC}/technical-objects/import`]: PC_ORGANISE,
  [`GET ${PC}/technical-objects/{objectId}`]: PC_READ,
  [`POST ${PC}/technical-objects/{objectId}/decommission`]: PC_ORGANISE,
  [`POST ${PC}/technical-objects/{objectId}/examinations`]: PC_SERVICE,
  // R315-4, R315-26: plans as versioned documents — opened and submitted by the organisers, approved by the first head, measures recorded done by the service.
  [`GET ${PC}/plans`]: PC_READ,
  [`POST ${PC}/plans`]: PC_ORGANISE,
  [`GET ${PC}/plans/{planId}`]: PC_READ,
  [`POST ${PC}/plans/{planId}/document`]: PC_ORGANISE,
  [`POST ${PC}/plans/{planId}/versions`]: PC_ORGANISE,
  [`GET ${PC}/plans/{planId}/versions/{versionId}/document`]: PC_READ,
  [`POST ${PC}/plans/{planId}/versions/{versionId}/approval`]: PC_FIRST_HEAD,
  [`POST ${PC}/plans/{planId}/measures/{measureId}/completion`]: PC_SERVICE,
  // — Order 315 registers (branch pc-accidents): accidents/incidents/injuries (R315-4, R315-8), staff training (R315-4) —
  [`GET ${PC}/accidents`]: PC_READ,
  [`POST ${PC}/accidents`]: PC_SERVICE,
  [`GET ${PC}/accidents/{accidentId}`]: PC_READ,
  [`POST ${PC}/accidents/{accidentId}/commission`]: PC_ORGANISE,
  [`POST ${PC}/accidents/{accidentId}/act-file`]: PC_ORGANISE,
  [`GET ${PC}/accidents/{accidentId}/act-file`]: PC_READ,
  [`POST ${PC}/accidents/{accidentId}/act`]: PC_ORGANISE,
  [`POST ${PC}/accidents/{accidentId}/measures/{measureId}/done`]: PC_SERVICE,
  [`POST ${PC}/accidents/{accidentId}/extraordinary-inspection`]: PC_FIRST_HEAD,
  [`GET ${PC}/training`]: PC_READ,
  [`POST ${PC}/training`]: PC_SERVICE,
  [`POST ${PC}/training/import`]: PC_SERVICE,
  // R315-26: the annual information — read by the service, the head (and auditor), written and presented by the officials, approved by the first head.
  [`GET ${PC}/annual-information/versions`]: PC_SERVICE,
  [`GET ${PC}/annual-information/{year}`]: PC_SERVICE,
  [`PUT ${PC}/annual-information/{year}/texts`]: PC_OFFICIALS,
  [`POST ${PC}/annual-information/{year}/presentation`]: PC_OFFICIALS,
  [`POST ${PC}/annual-information/versions/{versionId}/approval`]: PC_FIRST_HEAD,
  [`GET ${PC}/annual-information/{year}/document.pdf`]: PC_SERVICE,
  // R315-6: the regulation — read by everyone who works under it (unit heads too), the same writers and approver.
  [`GET ${PC}/regulation/versions`]: PC_READ,
  [`GET ${PC}/regulation`]: PC_READ,
  [`PUT ${PC}/regulation/texts`]: PC_OFFICIALS,
  [`POST ${PC}/regulation/presentation`]: PC_OFFICIALS,
  [`POST ${PC}/regulation/versions/{versionId}/approval`]: PC_FIRST_HEAD,
  [`GET ${PC}/regulation/document.pdf`]: PC_READ,
  // R315-4, R315-20: notices to staff (branch pc-analysis) — written by the service, acknowledged by every participant.
  [`GET ${PC}/notices`]: PC_SERVICE,
  [`GET ${PC}/notices/mine`]: PC_PARTICIPANTS,
  [`POST ${PC}/notices`]: PC_SERVICE,
  [`GET ${PC}/notices/{noticeId}`]: PC_PARTICIPANTS,
  [`POST ${PC}/notices/{noticeId}/document`]: PC_SERVICE,
  [`GET ${PC}/notices/{noticeId}/document`]: PC_PARTICIPANTS,
  [`POST ${PC}/notices/{noticeId}/publication`]: PC_SERVICE,
  [`POST ${PC}/notices/{noticeId}/acknowledgement`]: PC_PARTICIPANTS,
  // R315-20: the annual analysis — read by the service and the head, indicators edited by the organisers, presented by the officials.
  [`GET ${PC}/analysis/indicators`]: PC_SERVICE,
  [`POST ${PC}/analysis/indicators`]: PC_ORGANISE,
  [`GET ${PC}/analysis/{year}`]: PC_SERVICE,
  [`GET ${PC}/analysis/{year}/analysis.pdf`]: PC_SERVICE,
  [`POST ${PC}/analysis/{year}/presentation`]: PC_OFFICIALS,
  [`POST ${PC}/analysis/versions/{analysisId}/approval`]: PC_FIRST_HEAD,
  [`POST ${PC}/analysis/versions/{analysisId}/notice`]: PC_OFFICIALS,
  'GET /api/v1/platform/ledger': ['admin'],
  'POST /api/v1/platform/ledger/verify': ['admin'],
  ...PC_SETUP_ROWS,
};

const DESTRUCTIVE_FOR_SESSION = new Set(['POST /api/v1/auth/logout', 'POST /api/v1/auth/logout-everywhere']);

let ctx: TestContext;
let world: Awaited<ReturnType<typeof seedWorld>>;
const clients = new Map<ActorName, ApiClient>();
let routes: { method: string; path: string }[];

async function clientFor(actor: ActorName): Promise<ApiClient> {
  const cached = clients.get(actor);
  if (cached) return cached;
  let c: ApiClient;
  if (actor === 'anonymous') c = world.anonymous();
  else if (actor === 'dock' || actor === 'foreignDock') {
    const org = actor === 'dock' ? world.subdivision : world.foreign;
    const t = await createApiToken(ctx.deps, { kind: 'user', id: world.userIds.get('head')! }, org, `dock ${actor}`);
    c = new ApiClient(ctx);
    const request = c.request.bind(c);
    c.request = (m, u, b, h = {}) => request(m, u, b, { authorization: `Bearer ${t.secret}`, ...h });
  } else
    c = await world.as(
      (
        {
          foreignHead: 'operator',
          inspector: 'inspector1',
          clinicHead: 'clinic',
          cctvOfficer: 'cctv',
          unionHead: 'union',
          coordinator: 'coordinator1',
          judge: 'judge1',
          pcServiceHead: 'pcservice',
          pcOfficial: 'pcofficial',
          unitHead: 'unithead1',
          performer: 'performer',
        } as Record<string, string>
      )[actor] ?? actor,
    );
  clients.set(actor, c);
  return c;
}

function concrete(path: string) {
  return path
    .replace(
      '{orgId}',
      path.includes('/cctv/')
        ? world.orgIds.get('clinic')!
        : path.includes('/competition/')
          ? world.orgIds.get('union')!
          : path.includes('/production-control/')
            ? world.foreign
            : world.subdivision,
    )
    .replace('{role}', 'inspector')
    .replace(/\{[a-zA-Z]+\}/g, '00000000-0000-4000-8000-000000000001');
}

describe('R444-13 R444-6 R335-3 authorisation: every route × every role × a foreign organisation', () => {
  beforeAll(async () => {
    ctx = await createTestContext();
    world = await seedWorld(ctx);
    const doc = (await ctx.app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    routes = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => ({ method: m.toUpperCase(), path })));
  });
  afterAll(() => ctx.close());

  it('every route in the OpenAPI document has a row in the table, and every row a route', () => {
    const documented = routes.map((r) => `${r.method} ${r.path}`).sort();
    expect(documented).toEqual(Object.keys(TABLE).sort());
  });

  it('each actor is allowed exactly where the table says, and refused (401/403) elsewhere', async () => {
    const mismatches: string[] = [];
    for (const { method, path } of routes) {
      const key = `${method} ${path}`;
      const allowed = new Set(TABLE[key] ?? []);
      for (const actor of ACTORS) {
        const c = await clientFor(actor);
        const res = await c.request(method, concrete(path), method === 'GET' ? undefined : {});
        const refused = res.statusCode === 401 || res.statusCode === 403;
        if (refused === allowed.has(actor)) mismatches.push(`${key} as ${actor}: ${res.statusCode} ${res.body.slice(0, 120)}`);
        // A HEAD response has no body by HTTP; every other refusal carries its coded error.
        if (refused && method !== 'HEAD') expect(res.json().error.code).toMatch(/^(auth|token)\./);
        if (DESTRUCTIVE_FOR_SESSION.has(key)) clients.delete(actor);
      }
    }
    expect(mismatches).toEqual([]);
    // ~1,500 requests (every route × 11 actors): more than the default 30 s on a loaded 2-core machine.
  }, 180_000);
});
