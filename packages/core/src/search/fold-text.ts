/**
 * Lower-case, accent-free text for accent-insensitive search, computed in the application so that
 * PGlite, PostgreSQL and the browser match identically ("Nguyen Van An" finds "Nguyễn Văn An").
 * Vietnamese đ/Đ is not a combining mark: it is mapped explicitly, with its look-alike ð/Ð
 * (U+00F0/U+00D0) that legacy converted data carry.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐðÐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
