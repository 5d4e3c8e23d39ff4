import { splitDoc, type Lang } from '@motcua/core';

/**
 * Texts written in a procedure's form follow core's documentation convention: a title (label,
 * option title) is "Tiếng Việt / English", a description is "Tiếng Việt\n\nEnglish". This picks
 * the language asked for; a text without the separator is the same in both.
 */
export function localTitle(text: string, lang: Lang): string {
  const { title } = splitDoc({ title: text });
  return (lang === 'en' ? title.en : title.vi) || text;
}

export function localDescription(text: string, lang: Lang): string {
  const { description } = splitDoc({ description: text });
  return (lang === 'en' ? description.en : description.vi) || text;
}

/** JSON Forms' translator: a host-given table by i18n key first, else the text's own languages. */
export function translator(lang: Lang, table: Record<string, string> | undefined) {
  return (key: string, defaultMessage: string | undefined): string | undefined => {
    const given = table?.[key];
    if (given !== undefined) return given;
    if (typeof defaultMessage !== 'string') return defaultMessage;
    return key.endsWith('.description') ? localDescription(defaultMessage, lang) : localTitle(defaultMessage, lang);
  };
}
