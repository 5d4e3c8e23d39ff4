import type { Message } from '../i18n/text.ts';
import type { ActionKind } from '../vocabulary/actions.ts';
import type { Role } from '../vocabulary/roles.ts';
import type { StatusCode } from '../vocabulary/statuses.ts';
import { ROLES } from '../vocabulary/roles.ts';
import { conflict, forbidden, unprocessable, wrongStatus } from './refusals.ts';
import { findStep } from './routing.ts';
import { supplementExpired } from './deadline-status.ts';
import type { Actor, DossierState, Refusal, WorkflowContext } from './types.ts';

/** A staff member acting at `agency` with one of `roles`. */
export function staffAt(actor: Actor, agency: string, roles: readonly Role[]): boolean {
  return actor.kind === 'staff' && actor.agency === agency && (actor.roles ?? []).some((r) => roles.includes(r));
}

const isReception = (s: DossierState, a: Actor) => staffAt(a, s.receivingAgency, ['reception']);
/** A staff member of the current step's agency holding the step's role (whoever the assignee is). */
const isStepMember = (s: DossierState, a: Actor) =>
  s.location.step !== null && staffAt(a, s.location.agency, [s.location.role]);
/** A step member who may act now: nobody is assigned, or the actor is the assignee. */
const isStepActor = (s: DossierState, a: Actor) =>
  isStepMember(s, a) && (s.location.assignee === undefined || s.location.assignee === a.id);
const isLeaderHere = (s: DossierState, a: Actor) => staffAt(a, s.location.agency, ['leader']);
const isLeaderOfReceiving = (s: DossierState, a: Actor) => staffAt(a, s.receivingAgency, ['leader']);

function roleName(role: Role): Message {
  return ROLES[role];
}
const who = {
  applicant: { vi: 'người nộp hồ sơ', en: 'the applicant' },
  reception: (s: DossierState): Message => ({
    vi: `cán bộ tiếp nhận của cơ quan ${s.receivingAgency}`,
    en: `reception staff of agency ${s.receivingAgency}`,
  }),
  step: (s: DossierState, withAssignee = true): Message => {
    const r = roleName(s.location.role);
    const assigned = withAssignee && s.location.assignee !== undefined;
    return {
      vi: `cán bộ vai trò "${r.vi}" của cơ quan ${s.location.agency}${assigned ? ` được phân công (${s.location.assignee})` : ''}`,
      en: `${r.en} staff of agency ${s.location.agency}${assigned ? ` assigned to it (${s.location.assignee})` : ''}`,
    };
  },
  leader: (s: DossierState): Message => ({
    vi: `lãnh đạo cơ quan ${s.location.agency}`,
    en: `a leader of agency ${s.location.agency}`,
  }),
  or: (...ms: Message[]): Message => ({ vi: ms.map((m) => m.vi).join(' hoặc '), en: ms.map((m) => m.en).join(' or ') }),
};
const SYSTEM: Message = { vi: 'hệ thống', en: 'the system' };
const EXTERNAL: Message = { vi: 'hệ thống bên ngoài', en: 'the external system' };

const accepted = (s: DossierState) => s.acceptedAt !== null;
const inStatus = (s: DossierState, ...codes: StatusCode[]) => codes.includes(s.status);

/**
 * Whether `actor` may take an action of `kind` on the dossier now, before looking at parameters:
 * a 409 when the status (or step) does not allow it, a 403 when the actor is not the one who may.
 * `at` matters only for rules that depend on time (stopping after the supplement time limit).
 */
export function guard(
  ctx: WorkflowContext,
  state: DossierState | null,
  kind: ActionKind,
  actor: Actor,
  at?: number,
): Refusal | null {
  if (state === null) {
    if (kind !== 'submit') {
      return conflict('not-submitted', null, { vi: 'Hồ sơ chưa được nộp', en: 'The dossier has not been submitted' });
    }
    // Who may submit depends on the channel (checked with the parameters): the applicant online,
    // reception staff at the counter.
    if (
      actor.kind === 'applicant' ||
      actor.kind === 'system' ||
      (actor.kind === 'staff' && (actor.roles ?? []).includes('reception'))
    )
      return null;
    return forbidden(kind, who.or(who.applicant, { vi: 'cán bộ tiếp nhận', en: 'reception staff' }), null);
  }
  if (kind === 'submit')
    return conflict('already-submitted', state.status, {
      vi: 'Hồ sơ đã được nộp',
      en: 'The dossier has already been submitted',
    });
  if (state.closed) {
    return conflict('terminal', state.status, {
      vi: 'Hồ sơ đã kết thúc, không thể thay đổi',
      en: 'The dossier is closed and cannot change',
    });
  }
  const s = state;
  const step = findStep(ctx, s.location.step);
  const deny = (m: Message) => forbidden(kind, m, s.status);
  const awaiting = s.external !== null && s.external.receivedAt === null && s.external.step === s.location.step;

  switch (kind) {
    case 'accept':
      if (!inStatus(s, 1)) return wrongStatus(kind, s.status);
      return isReception(s, actor) ? null : deny(who.reception(s));
    case 'refuse':
      if (accepted(s) || !inStatus(s, 1, 5, 6)) return wrongStatus(kind, s.status);
      return isReception(s, actor) ? null : deny(who.reception(s));
    case 'request_supplement':
      if (!inStatus(s, 1, 2, 4, 5)) return wrongStatus(kind, s.status);
      if (!accepted(s)) return isReception(s, actor) ? null : deny(who.reception(s));
      return isStepActor(s, actor) || isReception(s, actor) ? null : deny(who.or(who.step(s), who.reception(s)));
    case 'supplement_provided':
      if (!inStatus(s, 5)) return wrongStatus(kind, s.status);
      return actor.kind === 'applicant' || isReception(s, actor) || isStepMember(s, actor)
        ? null
        : deny(who.or(who.applicant, who.reception(s), who.step(s)));
    case 'accept_supplement':
      if (!inStatus(s, 5)) return wrongStatus(kind, s.status);
      if (!s.supplement?.provided) {
        return conflict('supplement-not-provided', s.status, {
          vi: 'Người nộp chưa bổ sung hồ sơ',
          en: 'The applicant has not provided the supplement yet',
        });
      }
      if (!accepted(s)) return isReception(s, actor) ? null : deny(who.reception(s));
      return isStepActor(s, actor) || isReception(s, actor) ? null : deny(who.or(who.step(s), who.reception(s)));
    case 'request_payment':
      if (!inStatus(s, 2, 4)) return wrongStatus(kind, s.status);
      return isStepActor(s, actor) || isReception(s, actor) ? null : deny(who.or(who.step(s), who.reception(s)));
    case 'payment_recorded':
      if (!inStatus(s, 6)) return wrongStatus(kind, s.status);
      return actor.kind === 'system' || actor.kind === 'external' || isReception(s, actor) || isStepActor(s, actor)
        ? null
        : deny(who.or(SYSTEM, who.reception(s), who.step(s)));
    case 'claim':
      if (!inStatus(s, 2, 4) || !step) return wrongStatus(kind, s.status);
      if (!isStepMember(s, actor)) return deny(who.step(s, false));
      if (s.location.assignee === actor.id) {
        return conflict('already-claimed', s.status, {
          vi: 'Bạn đã nhận xử lý hồ sơ này',
          en: 'You already hold this dossier',
        });
      }
      if (s.location.assignee !== undefined) {
        return conflict('assigned-to-other', s.status, {
          vi: `Hồ sơ đã được phân công cho ${s.location.assigneeName ?? s.location.assignee}`,
          en: `The dossier is assigned to ${s.location.assigneeName ?? s.location.assignee}`,
        });
      }
      return null;
    case 'assign':
      if (!inStatus(s, 2, 4, 5, 6) || !accepted(s) || !step) return wrongStatus(kind, s.status);
      return isLeaderHere(s, actor) ? null : deny(who.leader(s));
    case 'forward':
      if (!inStatus(s, 2, 4) || !step) return wrongStatus(kind, s.status);
      if (step.external) return wrongStatus(kind, s.status, externalStep(step.id));
      if (!step.next?.length) {
        return wrongStatus(kind, s.status, {
          vi: `bước "${step.id}" không có bước tiếp theo`,
          en: `step "${step.id}" has no next step`,
        });
      }
      return isStepActor(s, actor) ? null : deny(who.step(s));
    case 'send_external':
      if (!inStatus(s, 2, 4) || !step) return wrongStatus(kind, s.status);
      if (!step.external)
        return wrongStatus(kind, s.status, {
          vi: `bước "${step.id}" không do hệ thống khác thực hiện`,
          en: `step "${step.id}" is not performed by an external system`,
        });
      if (awaiting)
        return conflict('awaiting-external', s.status, {
          vi: `Đang chờ kết quả từ hệ thống ${s.external!.system} (mã ${s.external!.ref})`,
          en: `Awaiting the result from ${s.external!.system} (reference ${s.external!.ref})`,
        });
      return isStepActor(s, actor) || actor.kind === 'system' ? null : deny(who.or(who.step(s), SYSTEM));
    case 'receive_external':
      if (!inStatus(s, 2, 4) || !step) return wrongStatus(kind, s.status);
      if (!awaiting)
        return conflict('nothing-awaited', s.status, {
          vi: 'Hồ sơ không chờ kết quả từ hệ thống khác',
          en: 'The dossier awaits no external result',
        });
      return actor.kind === 'external' || actor.kind === 'system' || isStepActor(s, actor)
        ? null
        : deny(who.or(EXTERNAL, SYSTEM, who.step(s)));
    case 'approve':
    case 'deny': {
      if (!inStatus(s, 2, 4) || !step) return wrongStatus(kind, s.status);
      if (step.external) return wrongStatus(kind, s.status, externalStep(step.id));
      const outcome = kind === 'approve' ? 'approved' : 'denied';
      if (!step.outcomes?.includes(outcome)) {
        return wrongStatus(kind, s.status, {
          vi: `bước "${step.id}" không có kết quả này`,
          en: `step "${step.id}" does not have this outcome`,
        });
      }
      return isStepActor(s, actor) ? null : deny(who.step(s));
    }
    case 'return_result':
      if (!inStatus(s, 8, 9)) return wrongStatus(kind, s.status);
      return isReception(s, actor) ? null : deny(who.reception(s));
    case 'stop': {
      const allowed = accepted(s) ? inStatus(s, 2, 4, 5, 6) : inStatus(s, 5);
      if (!allowed) return wrongStatus(kind, s.status);
      if (isLeaderHere(s, actor) || isLeaderOfReceiving(s, actor)) return null;
      const expired = at !== undefined && supplementExpired(s, at);
      if (expired && (isReception(s, actor) || actor.kind === 'system')) return null;
      return deny(
        expired
          ? who.or(who.leader(s), who.reception(s), SYSTEM)
          : {
              vi: `${who.leader(s).vi} (hoặc cán bộ tiếp nhận khi đã quá hạn bổ sung)`,
              en: `${who.leader(s).en} (or reception once the supplement time limit has passed)`,
            },
      );
    }
    case 'request_withdrawal':
      if (!inStatus(s, 1, 2, 4, 5, 6)) return wrongStatus(kind, s.status);
      if (s.withdrawalRequest)
        return conflict('withdrawal-already-requested', s.status, {
          vi: 'Đã đề nghị rút hồ sơ',
          en: 'Withdrawal has already been requested',
        });
      return actor.kind === 'applicant' ? null : deny(who.applicant);
    case 'withdraw':
      if (!inStatus(s, 1, 2, 4, 5, 6)) return wrongStatus(kind, s.status);
      if (actor.kind === 'applicant') {
        // Before acceptance nothing has been received: the applicant withdraws directly.
        return accepted(s) ? deny(who.or(who.reception(s), who.step(s), who.leader(s))) : null;
      }
      if (!(isReception(s, actor) || isStepMember(s, actor) || isLeaderHere(s, actor))) {
        return deny(who.or(who.reception(s), who.step(s), who.leader(s)));
      }
      if (!s.withdrawalRequest) {
        return conflict('withdrawal-not-requested', s.status, {
          vi: 'Người nộp chưa đề nghị rút hồ sơ',
          en: 'The applicant has not asked to withdraw',
        });
      }
      return null;
    case 'extend':
      if (!accepted(s) || !inStatus(s, 2, 4, 5, 6)) return wrongStatus(kind, s.status);
      if (!isLeaderHere(s, actor)) return deny(who.leader(s));
      // Decree 61/2018/NĐ-CP art. 19: the apology comes before the appointment (report/README.md).
      if (at !== undefined && s.dueAt !== null && at > s.dueAt) return apologyTooLate(s.status);
      return null;
  }
  return null;
}

function externalStep(id: string): Message {
  return {
    vi: `bước "${id}" do hệ thống khác thực hiện: chờ kết quả trả về`,
    en: `step "${id}" is performed by an external system: await its result`,
  };
}

function apologyTooLate(status: StatusCode): Refusal {
  const message = {
    vi: 'Đã quá ngày hẹn trả kết quả: văn bản xin lỗi và hẹn lại phải gửi trước ngày hẹn',
    en: 'The appointment has passed: the apology and new appointment must be sent before it',
  };
  return unprocessable('apology-too-late', status, message, [{ pointer: '/at', code: 'apology-too-late', message }]);
}
