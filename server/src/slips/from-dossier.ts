import {
  classifyResolved,
  formatInstant,
  replay,
  type DossierEvent,
  type DossierState,
  type EventOf,
  type FeeQuote,
  type Procedure,
  VIETNAM_TIME_ZONE,
} from '@motcua/core';
import type { AgencySnapshot } from '../agency-directory/cache.ts';
import type { DossierRow } from '../dossiers/load.ts';
import type { Applicant, SlipDataMap, SlipKind } from './slip-data.ts';
import { agencyHeader, signerTitle } from './agency-header.ts';

/** Everything a slip is built from: the dossier as stored, its events up to the slip's event, its procedure version. */
export interface SlipSource {
  row: DossierRow;
  /** Events 1…seq (the slip's event last). */
  events: readonly DossierEvent[];
  procedure: Procedure;
  snap: AgencySnapshot;
  /** The documents received at submission: document id → number of files. */
  submittedDocuments: ReadonlyMap<string, number>;
}

/** Slips printed for an event kind without anyone asking (the control slip is printed on demand). */
export function slipKindOfEvent(e: DossierEvent): SlipKind | null {
  switch (e.kind) {
    case 'submit':
      return e.data.acceptance ? 'receipt' : null;
    case 'accept':
      return 'receipt';
    case 'refuse':
      return 'refusal';
    case 'request_supplement':
      return 'supplement';
    case 'extend':
      return 'apology';
    case 'stop':
      return 'stop-notice';
    default:
      return null;
  }
}

const OFFICER = 'Cán bộ tiếp nhận';
const nonBlank = (s: string | null | undefined): string | undefined => (s && s.trim() ? s.trim() : undefined);

function applicantOf(row: DossierRow): Applicant {
  const address = nonBlank(row.applicantAddress);
  const phone = nonBlank(row.applicantPhone);
  const email = nonBlank(row.applicantEmail);
  return {
    name: nonBlank(row.applicantName) ?? 'Chưa ghi tên',
    ...(address ? { address } : {}),
    ...(phone ? { phone } : {}),
    ...(email ? { email } : {}),
  };
}

function procedureOf(p: Procedure) {
  return { code: p.code, name: p.title.vi };
}

function documentTitle(p: Procedure, id: string | undefined): string | undefined {
  return id === undefined ? undefined : (p.documents.find((d) => d.id === id)?.title.vi ?? id);
}

function feesOf(fees: FeeQuote): { name: string; amount: number }[] {
  return fees.items.map((l) => ({ name: l.exemption ? `${l.title.vi} (miễn)` : l.title.vi, amount: l.amount }));
}

function processingTime(p: Procedure): SlipDataMap['receipt']['processingTime'] {
  const d = p.deadline;
  if (d.unit === 'same-day') return undefined;
  return { amount: d.value, unit: d.unit === 'calendar-days' ? 'days' : d.unit };
}

/** The unit a hand-over touches: the agency and, inside it, the step's title. */
function unitOf(src: SlipSource, at: { agency: string; step: string | null }): string {
  const agency = src.snap.records.get(at.agency)?.name.vi ?? at.agency;
  if (at.step === null) return `Bộ phận Một cửa – ${agency}`;
  const step = src.procedure.workflow.steps.find((s) => s.id === at.step);
  return step ? `${agency} – ${step.title.vi}` : agency;
}

/**
 * The data of slip `kind` as of the last event of `src.events` (the slip's event), from the
 * events alone plus what intake stored — never from today's state, so a later print of an old
 * slip would print the same thing (and a reprint serves the stored file anyway).
 */
export function slipData<K extends SlipKind>(kind: K, src: SlipSource): SlipDataMap[K] {
  const event = src.events.at(-1)!;
  const state: DossierState = replay(src.events);
  const tz = src.snap.records.get(state.receivingAgency)?.timeZone ?? VIETNAM_TIME_ZONE;
  const iso = (t: number) => formatInstant(t, tz);
  const base = {
    dossierCode: src.row.code!,
    issuedAt: iso(event.at),
    applicant: applicantOf(src.row),
    procedure: procedureOf(src.procedure),
  };
  const officer = { name: nonBlank(event.actor.name) ?? OFFICER };
  const receivedAt = iso(state.acceptedAt ?? state.submittedAt);
  const out = ((): SlipDataMap[SlipKind] => {
    switch (kind) {
      case 'receipt': {
        const documents = src.procedure.documents
          .filter((d) => (src.submittedDocuments.get(d.id) ?? 0) > 0)
          .map((d) => ({ name: d.title.vi, originals: d.originals ?? 0, copies: d.copies ?? 0 }));
        const time = processingTime(src.procedure);
        const fees = feesOf(src.row.fees as FeeQuote);
        return {
          ...base,
          agency: agencyHeader(src.snap, state.receivingAgency),
          documents,
          channel: state.channel,
          receivedAt: iso(state.acceptedAt!),
          appointmentAt: iso(state.dueAt!),
          ...(time ? { processingTime: time } : {}),
          ...(fees.length ? { fees } : {}),
          receivingOfficer: officer,
        };
      }
      case 'supplement': {
        const e = event as EventOf<'request_supplement'>;
        return {
          ...base,
          agency: agencyHeader(src.snap, state.receivingAgency),
          receivedAt,
          items: e.data.items.map((item) => {
            const doc = documentTitle(src.procedure, item.documentId);
            return {
              ...(doc ? { document: doc } : {}),
              requirement: doc ? `Bổ sung, hoàn thiện: ${doc}` : 'Bổ sung, hoàn thiện hồ sơ',
              reason: item.reason,
            };
          }),
          dueBy: iso(e.data.dueBy),
          guidingOfficer: officer,
        };
      }
      case 'refusal': {
        const e = event as EventOf<'refuse'>;
        return {
          ...base,
          agency: agencyHeader(src.snap, state.receivingAgency),
          receivedAt: iso(state.submittedAt),
          reasons: e.data.reasons,
          receivingOfficer: officer,
        };
      }
      case 'apology': {
        const e = event as EventOf<'extend'>;
        const issuer = e.actor.agency ?? state.location.agency;
        return {
          ...base,
          agency: agencyHeader(src.snap, issuer),
          receivedAt,
          appointmentAt: iso(e.data.previousDueAt),
          reason: e.data.reason,
          newAppointmentAt: iso(e.data.dueAt),
          signer: { title: signerTitle(src.snap, issuer), name: officer.name },
        };
      }
      case 'stop-notice': {
        const e = event as EventOf<'stop'>;
        const issuer = e.actor.agency ?? state.receivingAgency;
        return {
          ...base,
          agency: agencyHeader(src.snap, issuer),
          receivedAt,
          reason: e.data.reason,
          stoppedAt: iso(e.at),
          signer: { title: signerTitle(src.snap, issuer), name: officer.name },
        };
      }
      case 'control': {
        if (state.acceptedAt === null || state.dueAt === null)
          throw new SlipNotApplicable('control', {
            vi: 'Hồ sơ chưa được tiếp nhận',
            en: 'The dossier has not been accepted',
          });
        // Who took the dossier over at each destination: the first claim or assignment after the hand-over.
        const takers = src.events.filter((e) => e.kind === 'claim' || e.kind === 'assign');
        const coordinating = [
          ...new Set(
            state.handovers
              .filter((h) => h.to.agency !== state.receivingAgency && h.to.agency !== state.responsibleAgency)
              .map((h) => h.to.agency),
          ),
        ];
        return {
          ...base,
          agency: agencyHeader(src.snap, state.receivingAgency),
          receivedAt: iso(state.acceptedAt),
          appointmentAt: iso(state.dueAt),
          handlingAgency:
            src.snap.records.get(state.responsibleAgency ?? state.receivingAgency)?.name.vi ?? state.receivingAgency,
          ...(coordinating.length
            ? { coordinatingAgencies: coordinating.map((c) => src.snap.records.get(c)?.name.vi ?? c) }
            : {}),
          handovers: state.handovers.map((h, i) => {
            const next = state.handovers[i + 1]?.at ?? Infinity;
            const taker = takers.find((t) => t.at >= h.at && t.at < next);
            const takerName = taker
              ? taker.kind === 'assign'
                ? (taker.data.assigneeName ?? taker.data.assignee)
                : (taker.actor.name ?? taker.actor.id)
              : undefined;
            const person = nonBlank(h.by.name);
            return {
              from: { unit: unitOf(src, h.from), ...(person ? { person } : {}) },
              to: { unit: unitOf(src, h.to), ...(nonBlank(takerName) ? { person: takerName!.trim() } : {}) },
              at: iso(h.at),
              ...(h.stepDueAt !== null
                ? { dueAt: iso(h.stepDueAt), outcome: classifyResolved(tz, h.at, h.stepDueAt) }
                : {}),
              ...(h.interAgency ? { note: 'Liên thông' } : {}),
            };
          }),
        };
      }
    }
  })();
  return out as SlipDataMap[K];
}

/** A slip that does not exist for this dossier or event (e.g. a control slip before acceptance). */
export class SlipNotApplicable extends Error {
  constructor(
    readonly kind: SlipKind,
    readonly reason: { vi: string; en: string },
  ) {
    super(`${kind}: ${reason.en}`);
    this.name = 'SlipNotApplicable';
  }
}
