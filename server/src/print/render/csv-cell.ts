/**
 * Spreadsheet formula injection (OWASP "CSV injection"): a cell a spreadsheet reads as starting
 * with = + - @ (or a tab/CR before one) runs as a formula. A file written with "," may be opened
 * by a spreadsheet whose list separator is ";" (Vietnamese and most European locales), "\t" or
 * "|": text after any of those starts a cell there. So an apostrophe goes before a formula
 * character at the start of the value and after every separator any spreadsheet may use, and a
 * value holding any separator is quoted.
 */
const SEPARATORS = ',;\t|';
const FORMULA_START = /(^|[,;\t|])(\s*)(?=[=+\-@\t\r])/g;

export function neutraliseFormulas(text: string): string {
  return text.replace(FORMULA_START, (_m, sep: string, space: string) => `${sep}${space}'`);
}

/** One CSV field: formulas neutralised, quoted (RFC 4180) when it holds a quote, line end or any separator. */
export function csvField(text: string): string {
  const s = neutraliseFormulas(text);
  return /["\r\n]/.test(s) || [...SEPARATORS].some((c) => s.includes(c)) ? `"${s.replace(/"/g, '""')}"` : s;
}
