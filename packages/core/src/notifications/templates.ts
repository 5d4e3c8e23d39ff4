import { pick, type Lang, type LocalizedText } from '../i18n/text.ts';
import type { DossierEvent } from '../workflow/types.ts';
import { formatVnDate, formatVnDateTime } from '../working-time/vietnamese-dates.ts';
import { fitSms } from './sms-text.ts';

/** The events an applicant hears about (the rules require the appointment and an apology to be sent). */
export type NotificationKind = 'receipt' | 'supplement' | 'apology' | 'result' | 'payment';

export const NOTIFICATION_KINDS: readonly NotificationKind[] = [
  'receipt',
  'supplement',
  'apology',
  'result',
  'payment',
];

/**
 * The notification each kind of event may call for; every other kind calls for none. A
 * submission calls for it only when accepted at once (counter intake). The outbox trigger queues
 * notification rows for these kinds only (migration 0016, held to this table by a server test).
 */
export const NOTIFYING_EVENTS: Readonly<Partial<Record<DossierEvent['kind'], NotificationKind>>> = {
  submit: 'receipt',
  accept: 'receipt',
  request_supplement: 'supplement',
  extend: 'apology',
  approve: 'result',
  deny: 'result',
  payment_recorded: 'payment',
};

/** Which notification an event calls for, if any. */
export function notificationKind(event: DossierEvent): NotificationKind | null {
  if (event.kind === 'submit' && !event.data.acceptance) return null;
  return NOTIFYING_EVENTS[event.kind] ?? null;
}

/** What the templates say about the dossier besides the event itself. */
export interface NotificationFacts {
  code: string;
  procedureName: LocalizedText;
  /** The agency the applicant deals with (the receiving one). */
  agencyName: LocalizedText;
  timeZone: string;
  /** The province's tracking page opened on this dossier (the applicant adds their secret). */
  trackingUrl: string;
}

/** One rendered notification: an e-mail's subject and plain text, and a one-part GSM-7 SMS. */
export interface Notification {
  kind: NotificationKind;
  subject: string;
  text: string;
  /** Unaccented, at most 160 GSM-7 characters (see sms-text.ts). */
  sms: string;
}

/** 8000 → "8.000 đồng" / "VND 8,000". */
export function formatMoney(amount: number, lang: Lang): string {
  const digits = String(Math.round(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'vi' ? '.' : ',');
  return lang === 'vi' ? `${digits} đồng` : `VND ${digits}`;
}

interface Parts {
  subject: string;
  /** The body's paragraphs, before the tracking line and the signature. */
  lines: string[];
  /** The SMS, longest first (the first that fits one message is sent). */
  sms: string[];
}

function parts(event: DossierEvent, kind: NotificationKind, f: NotificationFacts, lang: Lang): Parts {
  const vi = lang === 'vi';
  const day = (t: number) => formatVnDate(t, f.timeZone);
  const when = (t: number) => formatVnDateTime(t, f.timeZone);
  const proc = pick(f.procedureName, lang);
  const agency = pick(f.agencyName, lang);
  const c = f.code;
  switch (kind) {
    case 'receipt': {
      const due =
        event.kind === 'accept' ? event.data.dueAt : event.kind === 'submit' ? event.data.acceptance?.dueAt : undefined;
      const dueText = due === undefined ? null : when(due);
      return vi
        ? {
            subject: `Tiếp nhận hồ sơ ${c}`,
            lines: [
              `${agency} đã tiếp nhận hồ sơ ${c} (${proc}) lúc ${when(event.at)}.`,
              dueText ? `Thời gian hẹn trả kết quả: ${dueText}.` : '',
            ],
            sms: [
              `${agency} da tiep nhan ho so ${c}.${due === undefined ? '' : ` Hen tra ket qua ${day(due)}.`} ${f.trackingUrl}`,
              `${agency} da tiep nhan ho so ${c}.${due === undefined ? '' : ` Hen tra ket qua ${day(due)}.`}`,
              `Da tiep nhan ho so ${c}.${due === undefined ? '' : ` Hen tra ket qua ${day(due)}.`}`,
            ],
          }
        : {
            subject: `Dossier ${c} received`,
            lines: [
              `${agency} received dossier ${c} (${proc}) at ${when(event.at)}.`,
              dueText ? `The result is due on ${dueText}.` : '',
            ],
            sms: [
              `${agency} received dossier ${c}.${due === undefined ? '' : ` Result due ${day(due)}.`} ${f.trackingUrl}`,
              `${agency} received dossier ${c}.${due === undefined ? '' : ` Result due ${day(due)}.`}`,
              `Dossier ${c} received.${due === undefined ? '' : ` Result due ${day(due)}.`}`,
            ],
          };
    }
    case 'supplement': {
      if (event.kind !== 'request_supplement') break;
      const items = event.data.items.map((i) => `- ${i.reason}`);
      return vi
        ? {
            subject: `Yêu cầu bổ sung hồ sơ ${c}`,
            lines: [
              `Hồ sơ ${c} (${proc}) cần bổ sung, hoàn thiện:`,
              ...items,
              `Hạn bổ sung: ${day(event.data.dueBy)}. Ông/bà bổ sung trực tuyến trên trang tra cứu hoặc tại ${agency}.`,
            ],
            sms: [
              `Ho so ${c} can bo sung truoc ngay ${day(event.data.dueBy)}. Xem chi tiet: ${f.trackingUrl}`,
              `Ho so ${c} can bo sung truoc ngay ${day(event.data.dueBy)}. Xem chi tiet tren trang tra cuu.`,
            ],
          }
        : {
            subject: `Dossier ${c}: a supplement is requested`,
            lines: [
              `Dossier ${c} (${proc}) needs to be supplemented:`,
              ...items,
              `Please supplement it by ${day(event.data.dueBy)}, online on the tracking page or at ${agency}.`,
            ],
            sms: [
              `Dossier ${c} needs a supplement by ${day(event.data.dueBy)}. Details: ${f.trackingUrl}`,
              `Dossier ${c} needs a supplement by ${day(event.data.dueBy)}. See the tracking page.`,
            ],
          };
    }
    case 'apology': {
      if (event.kind !== 'extend') break;
      const { reason, previousDueAt, dueAt } = event.data;
      return vi
        ? {
            subject: `Thư xin lỗi và hẹn lại ngày trả kết quả hồ sơ ${c}`,
            lines: [
              `${agency} xin lỗi ông/bà: hồ sơ ${c} (${proc}) không trả được kết quả đúng hẹn ${when(previousDueAt)}.`,
              `Lý do: ${reason}`,
              `Thời gian hẹn trả kết quả mới: ${when(dueAt)}.`,
            ],
            sms: [
              `Xin loi ong/ba: ho so ${c} tre hen. Hen tra ket qua moi: ${day(dueAt)}. ${f.trackingUrl}`,
              `Xin loi ong/ba: ho so ${c} tre hen. Hen tra ket qua moi: ${day(dueAt)}.`,
            ],
          }
        : {
            subject: `Apology and a new date for dossier ${c}`,
            lines: [
              `${agency} apologises: the result of dossier ${c} (${proc}) could not be ready on ${when(previousDueAt)} as promised.`,
              `Reason: ${reason}`,
              `The new date for the result: ${when(dueAt)}.`,
            ],
            sms: [
              `We apologise: dossier ${c} is late. New date for the result: ${day(dueAt)}. ${f.trackingUrl}`,
              `We apologise: dossier ${c} is late. New date for the result: ${day(dueAt)}.`,
            ],
          };
    }
    case 'result': {
      const approved = event.kind === 'approve';
      return vi
        ? {
            subject: `Đã có kết quả giải quyết hồ sơ ${c}`,
            lines: [
              approved
                ? `Hồ sơ ${c} (${proc}) đã được giải quyết.`
                : `Hồ sơ ${c} (${proc}) không được giải quyết; đã có văn bản trả lời nêu rõ lý do.`,
              `Mời ông/bà nhận kết quả tại ${agency} hoặc xem trên trang tra cứu.`,
            ],
            sms: [
              `Ho so ${c} da co ket qua. Moi ong/ba nhan ket qua: ${f.trackingUrl}`,
              `Ho so ${c} da co ket qua. Moi ong/ba nhan ket qua tai noi nop ho so.`,
            ],
          }
        : {
            subject: `The result of dossier ${c} is ready`,
            lines: [
              approved
                ? `Dossier ${c} (${proc}) has been resolved.`
                : `Dossier ${c} (${proc}) was not granted; a reply stating the reasons is ready.`,
              `Please collect the result at ${agency} or see it on the tracking page.`,
            ],
            sms: [
              `The result of dossier ${c} is ready: ${f.trackingUrl}`,
              `The result of dossier ${c} is ready. Please collect it where you applied.`,
            ],
          };
    }
    case 'payment': {
      if (event.kind !== 'payment_recorded') break;
      const { amount, reference } = event.data;
      return vi
        ? {
            subject: `Đã nhận thanh toán cho hồ sơ ${c}`,
            lines: [
              `${agency} đã nhận ${formatMoney(amount, 'vi')} phí, lệ phí của hồ sơ ${c} (${proc}) lúc ${when(event.at)}.`,
              reference ? `Mã giao dịch: ${reference}.` : '',
            ],
            sms: [
              `Da nhan thanh toan ${toPlainMoney(amount)} dong cho ho so ${c}. ${f.trackingUrl}`,
              `Da nhan thanh toan ${toPlainMoney(amount)} dong cho ho so ${c}.`,
            ],
          }
        : {
            subject: `Payment received for dossier ${c}`,
            lines: [
              `${agency} received ${formatMoney(amount, 'en')} in fees for dossier ${c} (${proc}) at ${when(event.at)}.`,
              reference ? `Transaction reference: ${reference}.` : '',
            ],
            sms: [
              `Payment of ${formatMoney(amount, 'en')} received for dossier ${c}. ${f.trackingUrl}`,
              `Payment of ${formatMoney(amount, 'en')} received for dossier ${c}.`,
            ],
          };
    }
  }
  throw new Error(`notification ${kind} does not fit event ${event.kind}`);
}

const toPlainMoney = (amount: number) => formatMoney(amount, 'vi').replace(/ đồng$/, '');

/** The notification an event calls for in `lang`, or null when the applicant hears nothing of it. */
export function renderNotification(event: DossierEvent, facts: NotificationFacts, lang: Lang): Notification | null {
  const kind = notificationKind(event);
  if (!kind) return null;
  const p = parts(event, kind, facts, lang);
  const vi = lang === 'vi';
  const text = [
    vi ? 'Kính gửi ông/bà,' : 'Dear applicant,',
    '',
    ...p.lines.filter(Boolean),
    '',
    vi
      ? `Tra cứu hồ sơ (nhập mã tra cứu in trên giấy tiếp nhận): ${facts.trackingUrl}`
      : `Track the dossier (enter the tracking secret printed on your receipt): ${facts.trackingUrl}`,
    '',
    agencyLine(facts, lang),
    vi ? 'Thư này được gửi tự động, xin đừng trả lời.' : 'This message was sent automatically; please do not reply.',
    '',
  ].join('\n');
  return { kind, subject: p.subject, text, sms: fitSms(p.sms) };
}

const agencyLine = (f: NotificationFacts, lang: Lang) =>
  lang === 'vi' ? `Bộ phận Một cửa — ${pick(f.agencyName, 'vi')}` : `One-stop shop — ${pick(f.agencyName, 'en')}`;
