import type { Message } from '../i18n/text.ts';
import type { Issue } from '../model/issue.ts';
import { ACTIONS, type ActionKind } from '../vocabulary/actions.ts';
import { STATUSES, type StatusCode } from '../vocabulary/statuses.ts';
import type { Refusal } from './types.ts';

/** How an action is named inside a sentence: its label, quoted ("Tiếp nhận hồ sơ" / "Accept"). */
export function actionName(kind: ActionKind): Message {
  const a = ACTIONS[kind];
  return { vi: `\u201c${a.vi}\u201d`, en: `\u201c${a.en}\u201d` };
}

export function statusName(status: StatusCode): Message {
  return STATUSES[status];
}

/** 409: the action does not fit the dossier's current status; the message says which status it is in. */
export function wrongStatus(kind: ActionKind, status: StatusCode, why?: Message): Refusal {
  const a = actionName(kind);
  const s = statusName(status);
  return {
    code: 'wrong-status',
    httpStatus: 409,
    status,
    message: {
      vi: `Hồ sơ đang ở trạng thái ${status} (${s.vi}): không thể thực hiện ${a.vi}${why ? ` — ${why.vi}` : ''}`,
      en: `The dossier is in status ${status} (${s.en}): ${a.en} is not possible${why ? ` — ${why.en}` : ''}`,
    },
  };
}

/** 409 with a specific code, still naming the current status. */
export function conflict(code: string, status: StatusCode | null, message: Message): Refusal {
  const s = status === null ? null : statusName(status);
  return {
    code,
    httpStatus: 409,
    status,
    message: s
      ? {
          vi: `${message.vi} (trạng thái hiện tại: ${status} — ${s.vi})`,
          en: `${message.en} (current status: ${status} — ${s.en})`,
        }
      : message,
  };
}

/** 403: the actor may not take this action on this dossier; `who` says who may. */
export function forbidden(kind: ActionKind, who: Message, status: StatusCode | null): Refusal {
  const a = actionName(kind);
  return {
    code: 'forbidden',
    httpStatus: 403,
    status,
    message: { vi: `Chỉ ${who.vi} mới được thực hiện ${a.vi}`, en: `Only ${who.en} may do ${a.en}` },
  };
}

/** 400: the action is malformed. */
export function badRequest(issues: Issue[], status: StatusCode | null): Refusal {
  return {
    code: 'invalid-action',
    httpStatus: 400,
    status,
    issues,
    message: {
      vi: `Thao tác không hợp lệ: ${issues.map((i) => `${i.pointer || '/'} ${i.message.vi}`).join('; ')}`,
      en: `Invalid action: ${issues.map((i) => `${i.pointer || '/'} ${i.message.en}`).join('; ')}`,
    },
  };
}

/** 422: well-formed, but not acceptable for this dossier or procedure. */
export function unprocessable(code: string, status: StatusCode | null, message: Message, issues?: Issue[]): Refusal {
  return { code, httpStatus: 422, status, message, ...(issues ? { issues } : {}) };
}

/** 422 built from one issue. */
export function fromIssue(issue: Issue, status: StatusCode | null): Refusal {
  return unprocessable(issue.code, status, issue.message, [issue]);
}
