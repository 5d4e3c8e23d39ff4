import type { SlipKind } from '../slip-data.ts';

/**
 * Slip templates are data: which circular's forms apply, how it numbers and names them, and the
 * fixed phrases printed around the dossier's data. The 2018 and 2025 circulars differ in numbering,
 * titles (the apology became a request to extend) and the one-stop unit's name; a slip prints with
 * the set in force on its issue date unless a version is asked for explicitly.
 */
export type TemplateVersion = 'tt01-2018' | 'tt03-2025';

export interface FormTemplate {
  /** "Mẫu số 01"; null when the circular has no form for it (a stop notice before 2025). */
  formNo: string | null;
  /** As printed, in capitals. */
  title: string;
}

/** Phrases with {placeholders}; `fill` refuses unknown or missing ones. */
export interface SlipPhrases {
  dossierCode: string;
  applicant: string;
  address: string;
  phone: string;
  email: string;
  request: string;
  addressee: string;
  signHint: string;
  sealHint: string;
  defaultRecipients: string[];
  receipt: {
    documentsHeading: string;
    documentsEmpty: string;
    sets: string;
    processingTime: string;
    receivedAt: string;
    appointment: string;
    channel: string;
    delivery: string;
    fees: string;
    feesNone: string;
    logbook: string;
    applicantSigns: string;
    officerSigns: string;
    /** Under the title, by its QR code: how to track online (not on the circular's form: the system adds it). */
    trackingSecret: string;
    trackingHint: string;
    trackingQrLabel: string;
  };
  supplement: {
    receivedAt: string;
    heading: string;
    dueBy: string;
    pauseNote: string;
    contact: string;
    contactWithPhone: string;
    officerSigns: string;
  };
  refusal: {
    basis: string;
    basisGeneric: string;
    closing: string;
    officerSigns: string;
  };
  apology: {
    received: string;
    appointment: string;
    notYet: string;
    reason: string;
    apology: string;
    closing: string;
  };
  stopNotice: {
    received: string;
    stop: string;
    stopWithBasis: string;
    reason: string;
    closing: string;
  };
  control: {
    attachedTo: string;
    handlingAgency: string;
    coordinating: string;
    receivedAt: string;
    appointment: string;
    noHandovers: string;
  };
}

export interface TemplateSet {
  version: TemplateVersion;
  /** "Thông tư số 01/2018/TT-VPCP ngày 23/11/2018 của Văn phòng Chính phủ" */
  circular: string;
  /** "Thông tư 01/2018/TT-VPCP", for the small form reference. */
  circularShort: string;
  /** First calendar day (Vietnam) on which slips print with this set. */
  effectiveFrom: string;
  /** Generic name of the one-stop unit, used when the agency gives none. */
  oneStopUnit: string;
  forms: Record<SlipKind | 'logbook', FormTemplate>;
  phrases: SlipPhrases;
}

/** Substitutes {name} placeholders; a placeholder without a value is a template bug. */
export function fill(phrase: string, values: Record<string, string>): string {
  return phrase.replace(/\{(\w+)\}/g, (_, key: string) => {
    const v = values[key];
    if (v === undefined) throw new Error(`Template placeholder {${key}} has no value in "${phrase}"`);
    return v;
  });
}

/** Like `fill`, as runs: the substituted values bold (the filled-in parts of a form), the rest plain. */
export function fillRuns(phrase: string, values: Record<string, string>): Array<{ text: string; bold?: boolean }> {
  const runs: Array<{ text: string; bold?: boolean }> = [];
  let last = 0;
  for (const m of phrase.matchAll(/\{(\w+)\}/g)) {
    const v = values[m[1]!];
    if (v === undefined) throw new Error(`Template placeholder {${m[1]}} has no value in "${phrase}"`);
    if (m.index! > last) runs.push({ text: phrase.slice(last, m.index) });
    runs.push({ text: v, bold: true });
    last = m.index! + m[0].length;
  }
  if (last < phrase.length) runs.push({ text: phrase.slice(last) });
  return runs;
}
