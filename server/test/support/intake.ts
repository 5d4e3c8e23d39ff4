import { deflateSync } from 'node:zlib';
import type { TestServer } from './server.ts';

/** A small but real PDF (parsable header, one empty page). */
export function pdfBytes(text = 'motcua'): Uint8Array {
  const body = `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n% ${text}\ntrailer<</Root 1 0 R>>\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

/** A valid 1×1 PNG. */
export function pngBytes(): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  const idat = deflateSync(Buffer.from([0, 255, 255, 255]));
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', idat),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

/**
 * Valid data for the birth registration example (1.001193): a hospital certificate, born on
 * 20 February 2026, so free when filed by 21 April 2026 (the test servers' clock starts on 2 March).
 */
export function birthData(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    requester: {
      fullName: 'Nguyễn Văn An',
      idNumber: '001090012345',
      relationship: 'cha',
      address: 'Số 1 đường Trần Phú, Phường Trung Tâm',
      phone: '0912345678',
      email: 'an@example.vn',
    },
    child: {
      fullName: 'Nguyễn Thị Ngọc Ánh',
      sex: 'nu',
      birthDate: '2026-02-20',
      birthPlace: 'Bệnh viện Đa khoa tỉnh',
      ethnicity: 'Kinh',
      nationality: 'Việt Nam',
      hometown: 'Xã Đông Sơn',
    },
    mother: {
      fullName: 'Trần Thị Bình',
      birthDate: '1994-05-12',
      ethnicity: 'Kinh',
      nationality: 'Việt Nam',
      residence: 'Số 1 đường Trần Phú, Phường Trung Tâm',
    },
    fatherKnown: false,
    birthEvidence: 'giay-chung-sinh',
    feeExemptionGroup: 'khong',
    extractCopies: 0,
    filedByProxy: false,
    ...over,
  };
}

/** Birth registration data of a child born on `birthDate` ('YYYY-MM-DD'); the rest as `birthData`. */
export function bornOn(birthDate: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  const data = birthData(over);
  return { ...data, child: { ...(data.child as object), birthDate } };
}

export interface FilePart {
  document: string;
  bytes: Uint8Array;
  name?: string;
  type?: string;
}

/** The multipart body of a submission (docs/public-api.md). */
export function submissionForm(submission: Record<string, unknown>, files: FilePart[]): FormData {
  const form = new FormData();
  form.append('submission', JSON.stringify(submission));
  for (const f of files)
    form.append(
      `documents.${f.document}`,
      new Blob([f.bytes], { type: f.type ?? 'application/pdf' }),
      f.name ?? `${f.document}.pdf`,
    );
  return form;
}

/**
 * The standard valid online birth registration files: the birth certificate as a PDF and as a PNG
 * (online the e-form is the declaration, so it is not uploaded).
 */
export function birthFiles(): FilePart[] {
  return [
    { document: 'giay-chung-sinh', bytes: pdfBytes('giay chung sinh'), name: 'giấy chứng sinh.pdf' },
    { document: 'giay-chung-sinh', bytes: pngBytes(), name: 'giay-chung-sinh.png', type: 'image/png' },
  ];
}

/** The standard valid birth registration files at the counter or by post: the paper declaration and the certificate. */
export function counterBirthFiles(): FilePart[] {
  return [
    { document: 'to-khai', bytes: pdfBytes('to khai'), name: 'tờ khai.pdf' },
    { document: 'giay-chung-sinh', bytes: pngBytes(), name: 'giay-chung-sinh.png', type: 'image/png' },
  ];
}

export async function submitOnline(
  server: TestServer,
  code: string,
  submission: Record<string, unknown>,
  files: FilePart[],
  headers: Record<string, string> = {},
): Promise<Response> {
  return server.request(`/api/v1/public/procedures/${code}/dossiers`, {
    method: 'POST',
    body: submissionForm(submission, files),
    headers,
  });
}

/** Row counts of the tables a submission writes, to prove nothing was half-stored. */
export interface RowCounts {
  dossiers: number;
  events: number;
  files: number;
  links: number;
  keys: number;
  sequence: number;
  visits: number;
  ledger: number;
}

export async function rowCounts(server: TestServer): Promise<RowCounts> {
  const { execute } = await import('../../src/db/client.ts');
  const { sql } = await import('drizzle-orm');
  const rows = await execute<RowCounts & Record<string, unknown>>(
    server.ctx.db,
    sql`select (select count(*)::int from dossiers) as dossiers, (select count(*)::int from dossier_events) as events,
               (select count(*)::int from files) as files, (select count(*)::int from dossier_files) as links,
               (select count(*)::int from idempotency_keys) as keys, (select coalesce(sum(last), 0)::int from dossier_sequences) as sequence,
               (select count(*)::int from dossier_agencies) as visits, (select count(*)::int from report_ledger) as ledger`,
  );
  return rows[0]!;
}
