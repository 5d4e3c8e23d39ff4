import { Type, type Static, type TSchema } from '@sinclair/typebox';

/**
 * What each slip prints, as plain data (the case-handling code builds it from the dossier's events).
 * JSON Schemas are the single source: the TypeScript types derive from them, and `renderSlip`
 * validates its input against them, so a bad call fails with pointers instead of printing "undefined"
 * on a legal document. Instants are ISO 8601 with an offset; they print in the issuing agency's
 * time zone (`agency.timeZone`).
 */
const Text = Type.String({ minLength: 1, pattern: '\\S' });
const Instant = Type.String({ format: 'date-time', description: 'ISO 8601 instant with a time-zone offset' });
const Count = Type.Integer({ minimum: 0 });

export const AgencyHeaderSchema = Type.Object(
  {
    /** Managing body, first line of the header: "UBND TỈNH BẮC NINH". */
    parentName: Type.Optional(Text),
    /** The agency issuing the slip: "Ủy ban nhân dân xã Tiên Du". */
    name: Text,
    /** Place name of the date line: "Tiên Du". */
    place: Text,
    /** Its one-stop unit, when the slip names it ("Bộ phận Một cửa xã Tiên Du"); else the template's generic name. */
    oneStopUnit: Type.Optional(Text),
    /** Its IANA time zone (its calendar's, "Asia/Ho_Chi_Minh"): the document's dates and times are its wall clock. */
    timeZone: Text,
  },
  { additionalProperties: false },
);

export const ApplicantSchema = Type.Object(
  {
    name: Text,
    address: Type.Optional(Text),
    phone: Type.Optional(Text),
    email: Type.Optional(Text),
  },
  { additionalProperties: false },
);

export const ProcedureRefSchema = Type.Object(
  {
    /** National procedure code, e.g. "1.001193". */
    code: Type.Optional(Text),
    name: Text,
  },
  { additionalProperties: false },
);

export const OfficerSchema = Type.Object(
  { name: Text, position: Type.Optional(Text), phone: Type.Optional(Text) },
  { additionalProperties: false },
);

/** Who signs a letter for the agency: title as printed ("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH") and name. */
export const SignerSchema = Type.Object({ title: Text, name: Text }, { additionalProperties: false });

const base = {
  dossierCode: Text,
  agency: AgencyHeaderSchema,
  /** When the slip is issued: its date line, its PDF creation date and, by default, its template set. */
  issuedAt: Instant,
  /** "Số: 15/TB-UBND" when the agency numbers the document. */
  documentNumber: Type.Optional(Text),
};

export const ReceiptSlipSchema = Type.Object(
  {
    ...base,
    applicant: ApplicantSchema,
    procedure: ProcedureRefSchema,
    documents: Type.Array(
      Type.Object({ name: Text, originals: Count, copies: Count }, { additionalProperties: false }),
    ),
    /** Số lượng hồ sơ (bộ); one set when absent. */
    sets: Type.Optional(Type.Integer({ minimum: 1 })),
    channel: Type.Union([Type.Literal('online'), Type.Literal('direct'), Type.Literal('postal')]),
    receivedAt: Instant,
    appointmentAt: Instant,
    /** The statutory time limit, printed as "15 ngày làm việc". */
    processingTime: Type.Optional(
      Type.Object(
        {
          amount: Type.Number({ exclusiveMinimum: 0 }),
          unit: Type.Union([Type.Literal('working-days'), Type.Literal('days'), Type.Literal('working-hours')]),
        },
        { additionalProperties: false },
      ),
    ),
    /** Where the applicant asked to receive the result ("Tại Bộ phận Một cửa", "Qua dịch vụ bưu chính"). */
    resultDelivery: Type.Optional(Text),
    fees: Type.Optional(Type.Array(Type.Object({ name: Text, amount: Count }, { additionalProperties: false }))),
    logbookEntry: Type.Optional(
      Type.Object({ book: Type.Optional(Text), number: Type.Optional(Text) }, { additionalProperties: false }),
    ),
    receivingOfficer: OfficerSchema,
    /**
     * How the applicant tracks the dossier online: the tracking secret (printed in groups) and the
     * URL the QR code opens, which carries the code and secret in its fragment (never sent to a server).
     */
    tracking: Type.Optional(
      Type.Object(
        { secret: Text, url: Type.String({ format: 'uri', pattern: '^https?://' }) },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const SupplementSlipSchema = Type.Object(
  {
    ...base,
    applicant: ApplicantSchema,
    procedure: ProcedureRefSchema,
    receivedAt: Type.Optional(Instant),
    /** What is missing or wrong, and why. */
    items: Type.Array(
      Type.Object({ document: Type.Optional(Text), requirement: Text, reason: Text }, { additionalProperties: false }),
      { minItems: 1 },
    ),
    /** The time limit for supplementing. */
    dueBy: Type.Optional(Instant),
    guidingOfficer: OfficerSchema,
  },
  { additionalProperties: false },
);

export const RefusalSlipSchema = Type.Object(
  {
    ...base,
    applicant: ApplicantSchema,
    procedure: ProcedureRefSchema,
    receivedAt: Type.Optional(Instant),
    /** "khoản 3 Điều 17 Nghị định số 118/2025/NĐ-CP" — the provision the refusal rests on. */
    legalBasis: Type.Optional(Text),
    reasons: Type.Array(Text, { minItems: 1 }),
    receivingOfficer: OfficerSchema,
  },
  { additionalProperties: false },
);

const letter = {
  signer: SignerSchema,
  /** "Nơi nhận"; "Như trên" and "Lưu: VT" when absent. */
  recipients: Type.Optional(Type.Array(Text)),
};

export const ApologySlipSchema = Type.Object(
  {
    ...base,
    ...letter,
    applicant: ApplicantSchema,
    procedure: ProcedureRefSchema,
    receivedAt: Instant,
    appointmentAt: Instant,
    reason: Text,
    newAppointmentAt: Instant,
  },
  { additionalProperties: false },
);

export const StopNoticeSchema = Type.Object(
  {
    ...base,
    ...letter,
    applicant: ApplicantSchema,
    procedure: ProcedureRefSchema,
    receivedAt: Instant,
    legalBasis: Type.Optional(Text),
    reason: Text,
    /** From when processing stops; the issue date when absent. */
    stoppedAt: Type.Optional(Instant),
  },
  { additionalProperties: false },
);

const PartySchema = Type.Object({ unit: Text, person: Type.Optional(Text) }, { additionalProperties: false });

export const ControlSlipSchema = Type.Object(
  {
    ...base,
    applicant: ApplicantSchema,
    procedure: ProcedureRefSchema,
    receivedAt: Instant,
    appointmentAt: Instant,
    /** Cơ quan (bộ phận) giải quyết hồ sơ. */
    handlingAgency: Text,
    /** Cơ quan phối hợp giải quyết hồ sơ. */
    coordinatingAgencies: Type.Optional(Type.Array(Text)),
    /** Every hand-over of the dossier, in order. */
    handovers: Type.Array(
      Type.Object(
        {
          from: PartySchema,
          to: PartySchema,
          at: Instant,
          /** When the step that receives the dossier is due. */
          dueAt: Type.Optional(Instant),
          /** The step's result against its due time, as core's report engine classifies it. */
          outcome: Type.Optional(Type.Union([Type.Literal('early'), Type.Literal('on-time'), Type.Literal('late')])),
          note: Type.Optional(Text),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const SLIP_SCHEMAS = {
  receipt: ReceiptSlipSchema,
  supplement: SupplementSlipSchema,
  refusal: RefusalSlipSchema,
  apology: ApologySlipSchema,
  'stop-notice': StopNoticeSchema,
  control: ControlSlipSchema,
} as const satisfies Record<string, TSchema>;

export type SlipKind = keyof typeof SLIP_SCHEMAS;
export const SLIP_KINDS = Object.keys(SLIP_SCHEMAS) as SlipKind[];

export type AgencyHeader = Static<typeof AgencyHeaderSchema>;
export type Applicant = Static<typeof ApplicantSchema>;
export type ReceiptSlipData = Static<typeof ReceiptSlipSchema>;
export type SupplementSlipData = Static<typeof SupplementSlipSchema>;
export type RefusalSlipData = Static<typeof RefusalSlipSchema>;
export type ApologySlipData = Static<typeof ApologySlipSchema>;
export type StopNoticeData = Static<typeof StopNoticeSchema>;
export type ControlSlipData = Static<typeof ControlSlipSchema>;

export interface SlipDataMap {
  receipt: ReceiptSlipData;
  supplement: SupplementSlipData;
  refusal: RefusalSlipData;
  apology: ApologySlipData;
  'stop-notice': StopNoticeData;
  control: ControlSlipData;
}
