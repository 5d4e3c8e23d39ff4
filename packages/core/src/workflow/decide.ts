import type { Issue } from '../model/issue.ts';
import type { StatusCode } from '../vocabulary/statuses.ts';
import { validateApplicantData } from '../procedure/applicant-data.ts';
import { withoutDerived } from '../procedure/derived.ts';
import { resolveReceivingAgency } from '../agencies/receiving-agency.ts';
import { shiftDue } from '../working-time/index.ts';
import { actionShapeIssues } from './check-action.ts';
import { evolve } from './evolve.ts';
import { guard, staffAt } from './guard.ts';
import { badRequest, conflict, forbidden, fromIssue, unprocessable } from './refusals.ts';
import { acceptanceFacts, backToReception, chooseBranch, findStep, moveTo } from './routing.ts';
import { openPause } from './deadline-status.ts';
import { reportDueAt } from './report-due.ts';
import type {
  Action,
  ActionOf,
  Decision,
  DossierEvent,
  DossierState,
  EventDataMap,
  Finish,
  Refusal,
  Resumption,
  WorkflowContext,
} from './types.ts';

type Outcome<K extends keyof EventDataMap> = { toStatus: StatusCode; data: EventDataMap[K] } | Refusal;

/**
 * The transition function: validates `action` against the dossier's state, the actor's role and
 * agency, and the procedure; computes what it resolves (due instants, destinations, pauses); and
 * returns the events to append with the state after them — or a typed refusal (400 malformed,
 * 403 not this actor, 409 not in this state, 422 not acceptable). Pure: the same context, state
 * and action always give the same decision.
 */
export function decide(ctx: WorkflowContext, state: DossierState | null, action: Action): Decision {
  const status = state?.status ?? null;
  const shape = actionShapeIssues(action);
  if (shape.length) return refuse(badRequest(shape, status));

  // Idempotent receipts: the same external reference or payment reference again changes nothing,
  // even once the dossier has moved on (a gateway or external system may call back twice).
  if (state !== null) {
    if (action.kind === 'receive_external' && state.externalReceived.includes(action.params.ref))
      return { ok: true, events: [], state };
    if (
      action.kind === 'payment_recorded' &&
      action.params.reference !== undefined &&
      state.paidReferences.includes(action.params.reference)
    ) {
      return { ok: true, events: [], state };
    }
  }
  const g = guard(ctx, state, action.kind, action.actor, action.at);
  if (g) return refuse(g);
  if (state !== null && action.at < state.lastEventAt) {
    return refuse(
      unprocessable(
        'time-before-last-event',
        status,
        {
          vi: 'Thời điểm thao tác sớm hơn sự kiện gần nhất của hồ sơ',
          en: 'The action is dated before the dossier\u2019s latest event',
        },
        [
          {
            pointer: '/at',
            code: 'minimum',
            message: { vi: 'Thời điểm sớm hơn sự kiện gần nhất', en: 'Earlier than the latest event' },
          },
        ],
      ),
    );
  }
  const out = state === null ? submit(ctx, action as ActionOf<'submit'>) : handle(ctx, state, action);
  if ('code' in out) return refuse(out);
  const event = {
    seq: (state?.eventCount ?? 0) + 1,
    kind: action.kind,
    at: action.at,
    actor: structuredCopy(action.actor),
    ...(action.comment !== undefined ? { comment: action.comment } : {}),
    ...(action.attachments !== undefined ? { attachments: [...action.attachments] } : {}),
    fromStatus: status,
    toStatus: out.toStatus,
    data: out.data,
  } as DossierEvent;
  return { ok: true, events: [event], state: evolve(state, event) };
}

function refuse(refusal: Refusal): Decision {
  return { ok: false, refusal };
}

function structuredCopy<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/** Status 2 becomes 4 on the first processing action. */
const processing = (s: DossierState): StatusCode => (s.status === 2 ? 4 : s.status);

function submit(ctx: WorkflowContext, action: ActionOf<'submit'>): Outcome<'submit'> {
  const p = ctx.procedure;
  const { channel, feesOwed } = action.params;
  const online = channel === 'online';
  if (online && action.actor.kind === 'staff') {
    return forbidden('submit', { vi: 'người nộp hồ sơ (trực tuyến)', en: 'the applicant (online)' }, null);
  }
  if (!online && !(action.actor.kind === 'staff' && (action.actor.roles ?? []).includes('reception'))) {
    return forbidden(
      'submit',
      { vi: 'cán bộ tiếp nhận (nộp trực tiếp, bưu chính)', en: 'reception staff (counter or postal intake)' },
      null,
    );
  }
  if (online && p.serviceLevel === 'information') {
    return unprocessable(
      'not-online',
      null,
      {
        vi: 'Thủ tục này chỉ cung cấp thông tin, không nhận hồ sơ trực tuyến',
        en: 'This procedure is information only and takes no online submissions',
      },
      [
        {
          pointer: '/params/channel',
          code: 'not-online',
          message: { vi: 'Không nhận hồ sơ trực tuyến', en: 'No online submissions' },
        },
      ],
    );
  }
  // The form schema checks what the applicant sent, not what core derived from it.
  const dataIssues = validateApplicantData(p, withoutDerived(ctx.data), ctx.evaluator);
  if (dataIssues.length) {
    return unprocessable(
      'invalid-data',
      null,
      { vi: 'Dữ liệu tờ khai không hợp lệ', en: 'The form data is invalid' },
      dataIssues,
    );
  }
  // At the counter the staff member's own agency is the choice (phi địa giới: any agency of the kind).
  const chosen = action.params.agency ?? (!online && p.receiving.mode === 'choice' ? action.actor.agency : undefined);
  const receiving = resolveReceivingAgency(p, ctx.data, ctx.evaluator, ctx.directory, chosen);
  if (!receiving.ok) return fromIssue(receiving.issue, null);
  if (!online && !staffAt(action.actor, receiving.agency, ['reception'])) {
    return forbidden(
      'submit',
      { vi: `cán bộ tiếp nhận của cơ quan ${receiving.agency}`, en: `reception staff of agency ${receiving.agency}` },
      null,
    );
  }
  let acceptance = null;
  if (!online) {
    const facts = acceptanceFacts(ctx, receiving.agency, action.at, action.actor);
    if (!facts.ok) return fromIssue(facts.issue, null);
    acceptance = facts.value;
  }
  const awaitingPayment = online && p.fees.collect === 'before' && feesOwed > 0;
  return {
    toStatus: online ? (awaitingPayment ? 6 : 1) : 2,
    data: {
      channel,
      receivingAgency: receiving.agency,
      feesOwed,
      feesCollect: p.fees.collect,
      awaitingPayment,
      acceptance,
    },
  };
}

function handle(ctx: WorkflowContext, s: DossierState, action: Action): Outcome<keyof EventDataMap> {
  switch (action.kind) {
    case 'submit':
      return conflict('already-submitted', s.status, {
        vi: 'Hồ sơ đã được nộp',
        en: 'The dossier has already been submitted',
      });
    case 'accept': {
      const facts = acceptanceFacts(ctx, s.receivingAgency, action.at, action.actor);
      return facts.ok ? { toStatus: 2, data: facts.value } : fromIssue(facts.issue, s.status);
    }
    case 'refuse':
      return { toStatus: 3, data: { reasons: action.params.reasons.map((r) => r.trim()) } };
    case 'request_supplement':
      return requestSupplement(ctx, s, action);
    case 'supplement_provided': {
      const files = action.attachments ?? [];
      if (files.length === 0 && !action.comment?.trim()) {
        return unprocessable(
          'supplement-empty',
          s.status,
          {
            vi: 'Phải kèm tệp bổ sung hoặc ghi nội dung bổ sung',
            en: 'Attach the supplied files or describe the supplement',
          },
          [
            {
              pointer: '/attachments',
              code: 'minItems',
              message: { vi: 'Chưa có tệp bổ sung', en: 'No supplied file' },
            },
          ],
        );
      }
      // The clock restarts when the applicant submits, not when staff accept: a slow check is
      // the agency's time (Decision 766/QĐ-TTg, index 2.1: pause = submitted − requested).
      const r = resume(ctx, s, action.at, s.supplement!.pausesClock);
      return { toStatus: 5, data: { files: [...files], ...(r.pause ? r : {}) } };
    }
    case 'accept_supplement': {
      const sup = s.supplement!;
      // The pause already ended when the supplement was provided; this only ends the status.
      const r = resume(ctx, s, action.at, sup.pausesClock);
      return { toStatus: sup.returnTo, data: { ...r, returnTo: sup.returnTo } };
    }
    case 'request_payment':
      return {
        toStatus: 6,
        data: { amount: action.params.amount, description: action.params.description ?? null, returnTo: s.status },
      };
    case 'payment_recorded': {
      const pay = s.payment;
      if (!pay || pay.paidAt !== null) {
        return conflict('no-payment-requested', s.status, {
          vi: 'Không có yêu cầu thanh toán đang chờ',
          en: 'No payment is awaited',
        });
      }
      if (action.params.amount !== pay.amount) {
        return unprocessable(
          'payment-amount-mismatch',
          s.status,
          {
            vi: `Số tiền ${action.params.amount} đồng khác số phải nộp ${pay.amount} đồng`,
            en: `The amount ${action.params.amount} VND differs from the ${pay.amount} VND owed`,
          },
          [
            {
              pointer: '/params/amount',
              code: 'const',
              message: { vi: `Phải là ${pay.amount}`, en: `Must be ${pay.amount}` },
            },
          ],
        );
      }
      const r = resume(ctx, s, action.at, !pay.preAcceptance);
      return {
        toStatus: pay.returnTo,
        data: {
          ...r,
          returnTo: pay.returnTo,
          amount: action.params.amount,
          reference: action.params.reference ?? null,
          method: action.params.method ?? null,
          preAcceptance: pay.preAcceptance,
        },
      };
    }
    case 'claim':
      return { toStatus: processing(s), data: { assignee: action.actor.id!, assigneeName: action.actor.name ?? null } };
    case 'assign':
      return {
        toStatus: processing(s),
        data: { assignee: action.params.assignee, assigneeName: action.params.assigneeName ?? null },
      };
    case 'forward': {
      const step = findStep(ctx, s.location.step)!;
      const target = chooseBranch(ctx, step, action.params?.step);
      if (!target.ok) return fromIssue(target.issue, s.status);
      const move = moveTo(ctx, s, target.value, action.at, action.actor);
      return move.ok ? { toStatus: processing(s), data: move.value } : fromIssue(move.issue, s.status);
    }
    case 'send_external': {
      const step = findStep(ctx, s.location.step)!;
      if (s.externalReceived.includes(action.params.ref)) {
        return unprocessable(
          'external-ref-used',
          s.status,
          {
            vi: `Mã tham chiếu "${action.params.ref}" đã được dùng`,
            en: `Reference "${action.params.ref}" was already used`,
          },
          [{ pointer: '/params/ref', code: 'unique', message: { vi: 'Mã đã được dùng', en: 'Already used' } }],
        );
      }
      return {
        toStatus: processing(s),
        data: { system: step.external!.system, step: step.id, ref: action.params.ref },
      };
    }
    case 'receive_external':
      return receiveExternal(ctx, s, action);
    case 'approve':
    case 'deny':
      return finish(s, action);
    case 'return_result':
      return s.status === 9
        ? { toStatus: 10, data: { closes: 'returned' } }
        : { toStatus: 8, data: { closes: 'stop-notice' } };
    case 'stop': {
      const p = openPause(s);
      const back =
        s.location.step === null && s.location.agency === s.receivingAgency
          ? null
          : backToReception(s, action.at, action.actor);
      return {
        toStatus: 8,
        data: { reason: action.params.reason.trim(), pauseEnded: p ? { from: p.from, to: action.at } : null, back },
      };
    }
    case 'request_withdrawal':
      return { toStatus: s.status, data: { reason: action.params?.reason?.trim() || null } };
    case 'withdraw': {
      const p = openPause(s);
      return {
        toStatus: 7,
        data: {
          reason: action.params?.reason?.trim() || s.withdrawalRequest?.reason || null,
          onRequest: s.withdrawalRequest !== null,
          pauseEnded: p ? { from: p.from, to: action.at } : null,
        },
      };
    }
    case 'extend': {
      const { newDueAt, reason } = action.params;
      const issues: Issue[] = [];
      if (newDueAt <= s.dueAt!) {
        issues.push({
          pointer: '/params/newDueAt',
          code: 'not-later',
          message: {
            vi: 'Ngày hẹn mới phải sau ngày hẹn hiện tại',
            en: 'The new appointment must be after the current one',
          },
        });
      } else if (newDueAt <= action.at) {
        issues.push({
          pointer: '/params/newDueAt',
          code: 'in-the-past',
          message: { vi: 'Ngày hẹn mới phải ở tương lai', en: 'The new appointment must be in the future' },
        });
      }
      if (issues.length) return unprocessable('invalid-extension', s.status, issues[0]!.message, issues);
      return { toStatus: s.status, data: { reason: reason.trim(), previousDueAt: s.dueAt!, dueAt: newDueAt } };
    }
  }
}

function requestSupplement(
  ctx: WorkflowContext,
  s: DossierState,
  action: ActionOf<'request_supplement'>,
): Outcome<'request_supplement'> {
  const { items, dueBy } = action.params;
  const issues: Issue[] = [];
  // A dossier is asked to supplement once (Decree 118/2025/NĐ-CP: one complete request); a further
  // request must say why, and is counted (the national index counts the dossier as late).
  const repeat = (s.supplementRequests ?? 0) > 0;
  const repeatReason = action.params.repeatReason?.trim();
  if (repeat && !repeatReason) {
    issues.push({
      pointer: '/params/repeatReason',
      code: 'repeat-reason-required',
      message: {
        vi: `Hồ sơ đã được yêu cầu bổ sung ${s.supplementRequests} lần: phải ghi lý do yêu cầu bổ sung lần nữa`,
        en: `The dossier was already asked for a supplement (${s.supplementRequests}): give the reason for asking again`,
      },
    });
  } else if (!repeat && repeatReason !== undefined) {
    issues.push({
      pointer: '/params/repeatReason',
      code: 'not-a-repeat',
      message: {
        vi: 'Đây là lần yêu cầu bổ sung đầu tiên: không ghi lý do yêu cầu lại',
        en: 'This is the first supplement request: there is no repeat to explain',
      },
    });
  }
  if (dueBy <= action.at) {
    issues.push({
      pointer: '/params/dueBy',
      code: 'in-the-past',
      message: { vi: 'Hạn bổ sung phải sau thời điểm yêu cầu', en: 'The time limit must be after the request' },
    });
  }
  const known = new Set(ctx.procedure.documents.map((d) => d.id));
  items.forEach((item, i) => {
    if (item.documentId !== undefined && !known.has(item.documentId)) {
      issues.push({
        pointer: `/params/items/${i}/documentId`,
        code: 'unknown-document',
        message: {
          vi: `Thủ tục không có giấy tờ "${item.documentId}"`,
          en: `The procedure has no document "${item.documentId}"`,
        },
      });
    }
  });
  if (issues.length) return unprocessable('invalid-supplement-request', s.status, issues[0]!.message, issues);
  const clean = items.map((i) => ({
    ...(i.documentId !== undefined ? { documentId: i.documentId } : {}),
    reason: i.reason.trim(),
  }));
  const why = repeat ? { repeatReason: repeatReason! } : {};
  if (s.status === 5) {
    // Asked again while waiting: a pause still open goes on; one closed by the applicant's
    // submission (the supplement was incomplete) gives way to a new one.
    const cur = s.supplement!;
    const renewed = !cur.pausesClock || openPause(s) !== null;
    return {
      toStatus: 5,
      data: { items: clean, dueBy, pausesClock: cur.pausesClock, returnTo: cur.returnTo, renewed, ...why },
    };
  }
  return {
    toStatus: 5,
    data: { items: clean, dueBy, pausesClock: s.acceptedAt !== null, returnTo: s.status, renewed: false, ...why },
  };
}

/** Ends the open pause at `at` and moves the due instants by exactly its working time. */
function resume(ctx: WorkflowContext, s: DossierState, at: number, pausesClock: boolean): Omit<Resumption, 'returnTo'> {
  const p = pausesClock ? openPause(s) : null;
  if (!p) return { pause: null, dueAt: null, stepDueAt: s.stepDueAt };
  const pause = { from: p.from, to: at };
  const dueAt = s.dueAt === null ? null : shiftDue(ctx.calendarOf(s.receivingAgency), s.dueAt, pause);
  const stepDueAt = s.stepDueAt === null ? null : shiftDue(ctx.calendarOf(s.location.agency), s.stepDueAt, pause);
  const report = reportDueAt(s);
  if (dueAt !== null && report !== null && report !== s.dueAt) {
    return { pause, dueAt, reportDueAt: shiftDue(ctx.calendarOf(s.receivingAgency), report, pause), stepDueAt };
  }
  return { pause, dueAt, stepDueAt };
}

function finish(s: DossierState, action: ActionOf<'approve'> | ActionOf<'deny'>): Outcome<'approve'> {
  const docs = action.attachments ?? [];
  const issues: Issue[] = [];
  if (docs.length === 0) {
    issues.push({
      pointer: '/attachments',
      code: 'result-document-required',
      message: { vi: 'Phải đính kèm văn bản kết quả', en: 'Attach the result document' },
    });
  }
  if (action.kind === 'deny' && !action.comment?.trim()) {
    issues.push({
      pointer: '/comment',
      code: 'reason-required',
      message: { vi: 'Phải nêu lý do từ chối giải quyết', en: 'Give the reason for the denial' },
    });
  }
  if (issues.length) return unprocessable('invalid-result', s.status, issues[0]!.message, issues);
  const back = backToReception(s, action.at, action.actor);
  const data: Finish = {
    outcome: action.kind === 'approve' ? 'approved' : 'denied',
    resultDocuments: [...docs],
    handover: back.handover,
    location: back.location,
  };
  return { toStatus: 9, data };
}

function receiveExternal(
  ctx: WorkflowContext,
  s: DossierState,
  action: ActionOf<'receive_external'>,
): Outcome<'receive_external'> {
  const ext = s.external!;
  const { ref, outcome, step: chosen } = action.params;
  if (ref !== ext.ref) {
    return unprocessable(
      'external-ref-mismatch',
      s.status,
      {
        vi: `Mã tham chiếu "${ref}" không khớp mã đã gửi "${ext.ref}"`,
        en: `Reference "${ref}" does not match the one sent, "${ext.ref}"`,
      },
      [{ pointer: '/params/ref', code: 'const', message: { vi: `Phải là "${ext.ref}"`, en: `Must be "${ext.ref}"` } }],
    );
  }
  const step = findStep(ctx, s.location.step)!;
  const result = action.params.result === undefined ? null : structuredCopy(action.params.result);
  const base = { system: ext.system, ref, result };
  if (outcome !== undefined) {
    if (chosen !== undefined) {
      return unprocessable(
        'outcome-and-step',
        s.status,
        { vi: 'Chỉ ghi kết quả hoặc bước tiếp theo, không cả hai', en: 'Give an outcome or a next step, not both' },
        [
          {
            pointer: '/params/step',
            code: 'not',
            message: { vi: 'Không dùng cùng kết quả', en: 'Not with an outcome' },
          },
        ],
      );
    }
    if (!step.outcomes?.includes(outcome)) {
      return unprocessable(
        'outcome-not-here',
        s.status,
        { vi: `Bước "${step.id}" không có kết quả "${outcome}"`, en: `Step "${step.id}" has no outcome "${outcome}"` },
        [
          {
            pointer: '/params/outcome',
            code: 'enum',
            message: { vi: 'Kết quả không được phép ở bước này', en: 'Not an outcome of this step' },
          },
        ],
      );
    }
    const back = backToReception(s, action.at, action.actor);
    return {
      toStatus: 9,
      data: {
        ...base,
        move: null,
        finish: {
          outcome,
          resultDocuments: [...(action.attachments ?? [])],
          handover: back.handover,
          location: back.location,
        },
      },
    };
  }
  if (!step.next?.length) {
    return unprocessable(
      'outcome-required',
      s.status,
      {
        vi: `Bước "${step.id}" kết thúc bằng kết quả: cần ghi kết quả`,
        en: `Step "${step.id}" ends with an outcome: give it`,
      },
      [{ pointer: '/params/outcome', code: 'required', message: { vi: 'Thiếu kết quả', en: 'Outcome missing' } }],
    );
  }
  const target = chooseBranch(ctx, step, chosen);
  if (!target.ok) return fromIssue(target.issue, s.status);
  const move = moveTo(ctx, s, target.value, action.at, action.actor);
  return move.ok
    ? { toStatus: processing(s), data: { ...base, move: move.value, finish: null } }
    : fromIssue(move.issue, s.status);
}
