/**
 * Documentation attached to every property of the procedure schema. JSON Schema has one `title`
 * and one `description`; both carry Vietnamese first and English second, separated so that the
 * designer can show either language: `title` = "vi / en", `description` = "vi\n\nen".
 */
export const TITLE_SEPARATOR = ' / ';
export const DESCRIPTION_SEPARATOR = '\n\n';

export interface Doc {
  title: string;
  description: string;
}

export function doc(viTitle: string, enTitle: string, viDescription: string, enDescription: string): Doc {
  return {
    title: `${viTitle}${TITLE_SEPARATOR}${enTitle}`,
    description: `${viDescription}${DESCRIPTION_SEPARATOR}${enDescription}`,
  };
}

/** Splits a schema title or description into its two languages. */
export function splitDoc(doc: { title?: string; description?: string }): {
  title: { vi: string; en: string };
  description: { vi: string; en: string };
} {
  const [tvi = '', ten = tvi] = (doc.title ?? '').split(TITLE_SEPARATOR);
  const [dvi = '', den = dvi] = (doc.description ?? '').split(DESCRIPTION_SEPARATOR);
  return { title: { vi: tvi, en: ten }, description: { vi: dvi, en: den } };
}
