import type { JsonSchema } from '../model/procedure.ts';
import type { LocalizedText, Message } from '../i18n/text.ts';
import { splitDoc } from '../model/doc.ts';

/**
 * Wording shared by the documents and fees engines. A condition may carry a `title` in the
 * schema documentation convention ("Tiếng Việt / English"): it is then quoted in reasons, so
 * that an applicant reads "Phải nộp: sinh ngoài cơ sở y tế" rather than a generic sentence.
 */
export function conditionLabel(schema: JsonSchema | undefined): Message | null {
  if (typeof schema !== 'object' || schema === null || typeof schema.title !== 'string' || !schema.title.trim())
    return null;
  return splitDoc({ title: schema.title }).title;
}

/** Both languages of a localized text, English falling back to Vietnamese. */
export function both(text: LocalizedText): Message {
  return { vi: text.vi, en: text.en || text.vi };
}

/** An integer amount of VND in each language's digit grouping: "1.250.000" / "1,250,000". */
export function formatVnd(amount: number): Message {
  const digits = String(Math.abs(Math.trunc(amount)));
  const group = (sep: string) => (amount < 0 ? '-' : '') + digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  return { vi: `${group('.')} đồng`, en: `${group(',')} VND` };
}
