import type { Channel } from '../vocabulary/channels.ts';
import type { DossierEvent, DossierState } from '../workflow/types.ts';
import { replay } from '../workflow/evolve.ts';
import { reportDueAt } from '../workflow/report-due.ts';
import { dayOf, type Period } from './period.ts';

/**
 * The indices of the national service-quality set (Decision 766/QĐ-TTg, 23/06/2022) that motcua's
 * own data determine, with the formulas of the published description of the set as summarised in
 * DOMAIN.md and INTEGRATIONS.md. The index compares instants (README.md: two definitions).
 */
export interface ServiceIndexFacts {
  agency: string;
  field: string;
  timeZone: string;
  channel: Channel;
  acceptedAt: number;
  /**
   * The end the index scores: result ready (status 9), else returned (10), else stopped (8)
   * (INTEGRATIONS.md, scoring: NgayKetThucXuLy).
   */
  finishedAt: number | null;
  /** The due instant the index compares with: before any apology, moved by pauses. */
  dueAt: number;
  /** How many times a supplement was requested after acceptance (each pause of the clock for it). */
  supplementRequests: number;
  /** Fees were owed and paid. */
  paid: boolean;
  /** Paid through a payment platform (recorded by an external system or motcua with a reference). */
  paidOnline: boolean;
  /** Resolved with the result issued as electronic documents. */
  resolved: boolean;
  electronicResult: boolean;
  /** The dossier's components are held as electronic files (sent online, or scanned at the counter). */
  digitised: boolean;
}

/**
 * What the index needs of a dossier's events beyond its state: fees paid (online or not), and
 * whether the submission came with files. Each only ever turns true as events are added, so the
 * flags of a log are the OR of the flags of its parts (a store may keep them incrementally).
 */
export interface IndexEventFlags {
  paid: boolean;
  paidOnline: boolean;
  /** The submission (the log's first event) carried files. */
  submittedFiles: boolean;
}

/** The flags of some of a dossier's events (all of them, or only the newest). */
export function indexEventFlags(events: readonly DossierEvent[]): IndexEventFlags {
  let paid = false;
  let paidOnline = false;
  let submittedFiles = false;
  for (const e of events) {
    if (e.kind === 'submit' && (e.attachments?.length ?? 0) > 0) submittedFiles = true;
    if (e.kind !== 'payment_recorded' || e.data.amount <= 0) continue;
    paid = true;
    if (e.data.reference !== null && (e.actor.kind === 'external' || e.actor.kind === 'system')) paidOnline = true;
  }
  return { paid, paidOnline, submittedFiles };
}

/** The index facts of a dossier's state and its events' flags, or null when it was never accepted. */
export function serviceIndexFactsOf(s: DossierState, field: string, flags: IndexEventFlags): ServiceIndexFacts | null {
  const due = reportDueAt(s);
  if (s.acceptedAt === null || s.responsibleAgency === null || s.timeZone === null || due === null) return null;
  return {
    agency: s.responsibleAgency,
    field,
    timeZone: s.timeZone,
    channel: s.channel,
    acceptedAt: s.acceptedAt,
    finishedAt: s.resolvedAt ?? s.returnedAt ?? s.stoppedAt,
    dueAt: due,
    supplementRequests: s.pauses.filter((p) => p.reason === 'supplement').length,
    paid: flags.paid,
    paidOnline: flags.paidOnline,
    resolved: s.resolvedAt !== null && s.outcome !== null,
    electronicResult: s.resolvedAt !== null && s.resultDocuments.length > 0,
    digitised: s.channel === 'online' || flags.submittedFiles,
  };
}

/** The index facts of a dossier's log, or null when it was never accepted. */
export function serviceIndexFacts(events: readonly DossierEvent[], field: string): ServiceIndexFacts | null {
  return serviceIndexFactsOf(replay(events), field, indexEventFlags(events));
}

/** One index: numerator over denominator, and the value in % (null when nothing was counted). */
export interface IndexValue {
  numerator: number;
  denominator: number;
  percent: number | null;
}

export const SERVICE_INDEX_IDS = [
  'onTime',
  'supplementOnce',
  'onlineShare',
  'onlinePayment',
  'digitised',
  'electronicResult',
] as const;
export type ServiceIndexId = (typeof SERVICE_INDEX_IDS)[number];

/** What each index measures and where its formula comes from, in Vietnamese and English. */
export const SERVICE_INDEX_DEFINITIONS: Record<ServiceIndexId, { vi: string; en: string; formula: string }> = {
  onTime: {
    vi: 'Tiến độ giải quyết: tỷ lệ hồ sơ giải quyết đúng hạn',
    en: 'Processing on time',
    formula:
      'finished in the period with finished ≤ due instant and at most one supplement request / finished in the period (QĐ 766 index 2.1; DOMAIN.md: a dossier asked to supplement more than once counts as late)',
  },
  supplementOnce: {
    vi: 'Tỷ lệ hồ sơ không phải yêu cầu bổ sung quá một lần',
    en: 'Supplement requested at most once',
    formula: 'finished in the period with ≤ 1 supplement request / finished in the period',
  },
  onlineShare: {
    vi: 'Tỷ lệ hồ sơ tiếp nhận trực tuyến',
    en: 'Online share of dossiers',
    formula: 'accepted in the period and submitted online / accepted in the period',
  },
  onlinePayment: {
    vi: 'Tỷ lệ hồ sơ thanh toán trực tuyến',
    en: 'Online payment',
    formula: 'accepted in the period, fees paid through a payment platform / accepted in the period with fees paid',
  },
  digitised: {
    vi: 'Tỷ lệ hồ sơ có thành phần được số hóa',
    en: 'Digitised dossiers',
    formula:
      'accepted in the period whose components are electronic files / accepted in the period (portal field HoSoCoThanhPhanSoHoa)',
  },
  electronicResult: {
    vi: 'Tỷ lệ hồ sơ cấp kết quả điện tử',
    en: 'Electronic results',
    formula: 'resolved in the period with electronic result documents / resolved in the period',
  },
};

/**
 * Indices of the set that motcua's data cannot determine: listed, never invented. Each needs data
 * held elsewhere (the national portal, the procedure database, the complaint system).
 */
export const SERVICE_INDICES_WITHOUT_DATA: readonly { vi: string; en: string; needs: string }[] = [
  {
    vi: 'Công khai, minh bạch (công bố, công khai TTHC trên Cổng DVCQG)',
    en: 'Publicity of procedures',
    needs: 'the national procedure database',
  },
  {
    vi: 'Đồng bộ hồ sơ lên Cổng Dịch vụ công quốc gia',
    en: 'Dossiers synchronised to the national portal',
    needs: 'the portal’s acknowledgements',
  },
  {
    vi: 'Tỷ lệ thủ tục cung cấp dịch vụ công trực tuyến toàn trình',
    en: 'Procedures offered wholly online',
    needs: 'the province’s whole procedure list, not only those motcua publishes',
  },
  {
    vi: 'Khai thác, tái sử dụng dữ liệu đã số hóa',
    en: 'Reuse of digitised data',
    needs: 'the national data warehouse (kho dữ liệu) and the portal',
  },
  {
    vi: 'Phản ánh, kiến nghị được xử lý',
    en: 'Complaints and feedback handled',
    needs: 'the complaint and feedback system',
  },
];

export type ServiceIndexValues = Record<ServiceIndexId, IndexValue>;

function value(numerator: number, denominator: number): IndexValue {
  return {
    numerator,
    denominator,
    percent: denominator === 0 ? null : Math.round((numerator / denominator) * 10000) / 100,
  };
}

const inPeriod = (instant: number, tz: string, p: Period) => {
  const d = dayOf(instant, tz);
  return d >= p.from && d <= p.to;
};

/** The indices over a set of dossiers (already filtered to an agency, field, …) for a period. */
export function serviceIndices(facts: Iterable<ServiceIndexFacts>, period: Period): ServiceIndexValues {
  let finished = 0;
  let onTime = 0;
  let once = 0;
  let accepted = 0;
  let online = 0;
  let paid = 0;
  let paidOnline = 0;
  let digitised = 0;
  let resolved = 0;
  let electronic = 0;
  for (const f of facts) {
    if (inPeriod(f.acceptedAt, f.timeZone, period)) {
      accepted++;
      if (f.channel === 'online') online++;
      if (f.digitised) digitised++;
      if (f.paid) paid++;
      if (f.paidOnline) paidOnline++;
    }
    if (f.finishedAt !== null && inPeriod(f.finishedAt, f.timeZone, period)) {
      finished++;
      if (f.supplementRequests <= 1) once++;
      if (f.supplementRequests <= 1 && onTimeByInstant(f.finishedAt, f.dueAt)) onTime++;
      if (f.resolved) {
        resolved++;
        if (f.electronicResult) electronic++;
      }
    }
  }
  return {
    onTime: value(onTime, finished),
    supplementOnce: value(once, finished),
    onlineShare: value(online, accepted),
    onlinePayment: value(paidOnline, paid),
    digitised: value(digitised, accepted),
    electronicResult: value(electronic, resolved),
  };
}

/** The index's on-time test: finished no later than the due instant (compares instants). */
export function onTimeByInstant(finishedAt: number, dueAt: number): boolean {
  return finishedAt <= dueAt;
}

/**
 * Applicant satisfaction, Decision 766 index 5.4 (INTEGRATIONS.md): 100 % − (overdue % + % of
 * ratings dissatisfied or with a complaint). `overdue` is the share of finished dossiers not on
 * time (by the index's definition). Both shares are parts of the formula: when either has nothing
 * behind it (no dossier finished, or no rating given) the index is null — no data — rather than
 * computed with the missing share taken as 0, which would show a score no applicant gave.
 */
export function satisfactionIndex(onTime: IndexValue, ratings: { total: number; dissatisfied: number }): number | null {
  if (onTime.denominator === 0 || ratings.total === 0) return null;
  const overdue = (onTime.denominator - onTime.numerator) / onTime.denominator;
  const unhappy = ratings.dissatisfied / ratings.total;
  return Math.max(0, Math.round((1 - overdue - unhappy) * 10000) / 100);
}
