/** The examples of a pattern that it does not match (or the pattern's own error): the properties panel shows them. */
export function patternProblems(
  pattern: string | undefined,
  examples: readonly string[],
): { bad?: string; failing: string[] } {
  if (!pattern) return { failing: [] };
  let re: RegExp;
  try {
    // JSON Schema patterns are ECMA-262 regular expressions with Unicode semantics.
    re = new RegExp(pattern, 'u');
  } catch (err) {
    return { bad: (err as Error).message, failing: [] };
  }
  return { failing: examples.filter((x) => !re.test(x)) };
}
