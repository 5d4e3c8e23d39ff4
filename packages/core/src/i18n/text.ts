/** Text shown to people: Vietnamese first (required), English second. */
export interface LocalizedText {
  vi: string;
  en?: string;
}

/** A message every user-facing error carries: both languages, always. */
export interface Message {
  vi: string;
  en: string;
}

export type Lang = 'vi' | 'en';

/** Picks the text for a language, falling back to Vietnamese (the official language). */
export function pick(text: LocalizedText | Message, lang: Lang): string {
  return (lang === 'en' && text.en) || text.vi;
}
