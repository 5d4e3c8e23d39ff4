import { isTerminal } from '../vocabulary/statuses.ts';
import type {
  AcceptanceFacts,
  DossierEvent,
  DossierState,
  DueChange,
  Finish,
  Move,
  Pause,
  Resumption,
} from './types.ts';

/**
 * Applies one event to a state. Pure, and needs no context: every fact an event depends on
 * (due instants, destinations, pauses) was resolved when it was decided. Throws on a log that
 * does not fit (wrong sequence number or starting status), which means the log is corrupt.
 */
export function evolve(state: DossierState | null, event: DossierEvent): DossierState {
  if (state === null) {
    if (event.kind !== 'submit') throw new Error(`Event ${event.seq} (${event.kind}) cannot start a dossier's log`);
    if (event.seq !== 1) throw new Error(`The first event must have seq 1, not ${event.seq}`);
    return submitted(event);
  }
  if (event.seq !== state.eventCount + 1) throw new Error(`Event seq ${event.seq} does not follow ${state.eventCount}`);
  if (event.fromStatus !== state.status) {
    throw new Error(
      `Event ${event.seq} (${event.kind}) starts from status ${event.fromStatus}, but the dossier is in ${state.status}`,
    );
  }
  if (event.kind === 'submit') throw new Error(`Event ${event.seq}: a dossier is submitted once`);
  const s: DossierState = { ...state, status: event.toStatus, eventCount: event.seq, lastEventAt: event.at };
  const by = {
    ...(event.actor.id !== undefined ? { id: event.actor.id } : {}),
    ...(event.actor.name !== undefined ? { name: event.actor.name } : {}),
  };
  switch (event.kind) {
    case 'accept':
      Object.assign(s, accepted(s, event.at, event.seq, event.data));
      break;
    case 'refuse':
      s.refusedAt = event.at;
      s.refusalReasons = [...event.data.reasons];
      break;
    case 'request_supplement': {
      const d = event.data;
      s.supplement = {
        requestedAt: event.at,
        dueBy: d.dueBy,
        items: d.items.map((i) => ({ ...i })),
        pausesClock: d.pausesClock,
        returnTo: d.returnTo,
        provided: false,
        providedAt: null,
        files: [],
        ...(d.repeatReason !== undefined ? { repeatReason: d.repeatReason } : {}),
      };
      s.supplementRequests = (state.supplementRequests ?? 0) + 1;
      if (d.pausesClock && !d.renewed) s.pauses = [...s.pauses, { reason: 'supplement', from: event.at, to: null }];
      break;
    }
    case 'supplement_provided':
      if (!s.supplement) throw new Error(`Event ${event.seq}: no supplement was requested`);
      if (event.data.pause !== undefined) {
        Object.assign(
          s,
          resumed(
            s,
            event.seq,
            {
              returnTo: s.supplement.returnTo,
              pause: event.data.pause,
              dueAt: event.data.dueAt ?? null,
              stepDueAt: event.data.stepDueAt ?? s.stepDueAt,
              ...(event.data.reportDueAt !== undefined ? { reportDueAt: event.data.reportDueAt } : {}),
            },
            'supplement',
          ),
        );
      }
      s.supplement = {
        ...s.supplement,
        provided: true,
        providedAt: event.at,
        files: [...s.supplement.files, ...event.data.files],
      };
      break;
    case 'accept_supplement':
      Object.assign(s, resumed(s, event.seq, event.data, 'supplement'));
      s.supplement = null;
      break;
    case 'request_payment':
      s.payment = {
        requestedAt: event.at,
        amount: event.data.amount,
        description: event.data.description,
        preAcceptance: false,
        returnTo: event.data.returnTo,
        paidAt: null,
        paidAmount: null,
        reference: null,
      };
      s.pauses = [...s.pauses, { reason: 'payment', from: event.at, to: null }];
      break;
    case 'payment_recorded': {
      const d = event.data;
      if (!s.payment) throw new Error(`Event ${event.seq}: no payment was requested`);
      Object.assign(s, resumed(s, event.seq, d, 'payment'));
      s.payment = { ...s.payment, paidAt: event.at, paidAmount: d.amount, reference: d.reference };
      if (d.reference !== null) s.paidReferences = [...s.paidReferences, d.reference];
      break;
    }
    case 'claim':
    case 'assign':
      s.location = { ...s.location, assignee: event.data.assignee };
      if (event.data.assigneeName !== null) s.location.assigneeName = event.data.assigneeName;
      else delete s.location.assigneeName;
      break;
    case 'forward':
      Object.assign(s, moved(s, event.at, event.data));
      break;
    case 'send_external':
      s.external = {
        system: event.data.system,
        step: event.data.step,
        ref: event.data.ref,
        sentAt: event.at,
        receivedAt: null,
        result: null,
      };
      break;
    case 'receive_external': {
      const d = event.data;
      if (!s.external) throw new Error(`Event ${event.seq}: nothing was sent out`);
      s.external = { ...s.external, receivedAt: event.at, result: d.result === null ? null : structuredCopy(d.result) };
      s.externalReceived = [...s.externalReceived, d.ref];
      if (d.move) Object.assign(s, moved(s, event.at, d.move));
      if (d.finish) Object.assign(s, finished(s, event.at, d.finish));
      break;
    }
    case 'approve':
    case 'deny':
      Object.assign(s, finished(s, event.at, event.data));
      break;
    case 'return_result':
      if (event.data.closes === 'returned') s.returnedAt = event.at;
      break;
    case 'stop':
      s.stoppedAt = event.at;
      s.stopReason = event.data.reason;
      s.pauses = closePause(s.pauses, event.data.pauseEnded);
      if (event.data.back) Object.assign(s, moved(s, event.at, event.data.back));
      break;
    case 'request_withdrawal':
      s.withdrawalRequest = { at: event.at, reason: event.data.reason };
      break;
    case 'withdraw':
      s.withdrawnAt = event.at;
      s.pauses = closePause(s.pauses, event.data.pauseEnded);
      break;
    case 'extend':
      s.dueAt = event.data.dueAt;
      s.dueHistory = [...s.dueHistory, { at: event.at, dueAt: event.data.dueAt, cause: 'extend', seq: event.seq }];
      s.extensions = [
        ...s.extensions,
        {
          at: event.at,
          reason: event.data.reason,
          previousDueAt: event.data.previousDueAt,
          dueAt: event.data.dueAt,
          by,
        },
      ];
      break;
  }
  s.closed = isTerminal(
    s.status,
    event.kind === 'return_result' && event.data.closes === 'stop-notice' ? true : state.closed,
  );
  return s;
}

/** The state after a whole log. */
export function replay(events: readonly DossierEvent[]): DossierState {
  if (events.length === 0) throw new Error('An empty log has no state');
  let state: DossierState | null = null;
  for (const e of events) state = evolve(state, e);
  return state!;
}

function submitted(event: Extract<DossierEvent, { kind: 'submit' }>): DossierState {
  const d = event.data;
  const base: DossierState = {
    status: event.toStatus,
    closed: false,
    channel: d.channel,
    submittedAt: event.at,
    receivingAgency: d.receivingAgency,
    responsibleAgency: null,
    timeZone: null,
    fees: {
      owed: d.feesOwed,
      collect: d.feesCollect,
      paidAtCounter: d.acceptance !== null && d.feesCollect === 'before' && d.feesOwed > 0,
    },
    location: { agency: d.receivingAgency, step: null, role: 'reception' },
    stepEnteredAt: null,
    stepDueAt: null,
    acceptedAt: null,
    deadline: null,
    dueAt: null,
    dueHistory: [],
    pauses: [],
    supplement: null,
    payment: d.awaitingPayment
      ? {
          requestedAt: event.at,
          amount: d.feesOwed,
          description: null,
          preAcceptance: true,
          returnTo: 1,
          paidAt: null,
          paidAmount: null,
          reference: null,
        }
      : null,
    paidReferences: [],
    outcome: null,
    resultDocuments: [],
    resolvedAt: null,
    returnedAt: null,
    stoppedAt: null,
    stopReason: null,
    refusedAt: null,
    refusalReasons: [],
    withdrawnAt: null,
    withdrawalRequest: null,
    external: null,
    externalReceived: [],
    extensions: [],
    handovers: [],
    eventCount: 1,
    lastEventAt: event.at,
  };
  return d.acceptance ? { ...base, ...accepted(base, event.at, event.seq, d.acceptance) } : base;
}

function accepted(s: DossierState, at: number, seq: number, f: AcceptanceFacts): Partial<DossierState> {
  return {
    acceptedAt: at,
    deadline: structuredCopy(f.deadline),
    dueAt: f.dueAt,
    dueHistory: [...s.dueHistory, { at, dueAt: f.dueAt, cause: 'accept', seq }],
    responsibleAgency: f.responsibleAgency,
    timeZone: f.timeZone,
    location: { ...f.location },
    stepEnteredAt: at,
    stepDueAt: f.stepDueAt,
    handovers: [...s.handovers, copyHandover(f.handover)],
  };
}

function resumed(s: DossierState, seq: number, r: Resumption, cause: 'supplement' | 'payment'): Partial<DossierState> {
  const out: Partial<DossierState> = { stepDueAt: r.stepDueAt };
  if (r.pause) {
    out.pauses = closePause(s.pauses, r.pause);
    if (r.dueAt !== null) {
      out.dueAt = r.dueAt;
      const change: DueChange = { at: r.pause.to, dueAt: r.dueAt, cause, seq };
      if (r.reportDueAt !== undefined) change.reportDueAt = r.reportDueAt;
      out.dueHistory = [...s.dueHistory, change];
    }
  }
  return out;
}

function closePause(pauses: Pause[], ended: { from: number; to: number } | null): Pause[] {
  if (!ended) return pauses;
  return pauses.map((p) => (p.to === null && p.from === ended.from ? { ...p, to: ended.to } : p));
}

function moved(s: DossierState, at: number, m: Move): Partial<DossierState> {
  return {
    location: { ...m.location },
    stepEnteredAt: at,
    stepDueAt: m.stepDueAt,
    handovers: [...s.handovers, copyHandover(m.handover)],
  };
}

function finished(s: DossierState, at: number, f: Finish): Partial<DossierState> {
  return {
    outcome: f.outcome,
    resultDocuments: [...f.resultDocuments],
    resolvedAt: at,
    location: { ...f.location },
    stepEnteredAt: at,
    stepDueAt: null,
    handovers: [...s.handovers, copyHandover(f.handover)],
  };
}

function copyHandover(h: Move['handover']): Move['handover'] {
  return { ...h, from: { ...h.from }, to: { ...h.to }, by: { ...h.by } };
}

function structuredCopy<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}
