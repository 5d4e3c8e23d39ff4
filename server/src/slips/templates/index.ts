import { PrintInputError, issue } from '../../print/validate.ts';
import { localDate } from '@motcua/core';
import { instantOf } from '../../print/text/printed-time.ts';
import type { TemplateSet, TemplateVersion } from './template-set.ts';
import { TT01_2018 } from './tt01-2018.ts';
import { TT03_2025 } from './tt03-2025.ts';

export * from './template-set.ts';

/** Every template set, oldest first. */
export const TEMPLATE_SETS: readonly TemplateSet[] = [TT01_2018, TT03_2025];

/**
 * The set a slip issued at `issuedAt` prints with: the latest one in force on that day in the
 * issuing agency's zone (dates before the first set use the first), or exactly `version` when given.
 */
export function selectTemplateSet(issuedAt: string, timeZone: string, version?: TemplateVersion): TemplateSet {
  if (version !== undefined) {
    const set = TEMPLATE_SETS.find((s) => s.version === version);
    if (!set) {
      throw new PrintInputError([
        issue('', 'unknown-template-version', {
          vi: `Không có bộ mẫu phiếu "${version}"; có: ${TEMPLATE_SETS.map((s) => s.version).join(', ')}`,
          en: `No slip template set "${version}"; known: ${TEMPLATE_SETS.map((s) => s.version).join(', ')}`,
        }),
      ]);
    }
    return set;
  }
  const day = localDate(instantOf(issuedAt), timeZone);
  let chosen = TEMPLATE_SETS[0]!;
  for (const set of TEMPLATE_SETS) if (set.effectiveFrom <= day) chosen = set;
  return chosen;
}

export function isTemplateVersion(v: unknown): v is TemplateVersion {
  return TEMPLATE_SETS.some((s) => s.version === v);
}
