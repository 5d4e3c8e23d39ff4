import type { Agency, Procedure, ReceivingRule } from '@motcua/core';
import type { AgencySnapshot } from '../agency-directory/cache.ts';

/**
 * The agencies an applicant may choose from (receiving mode `choice` or `field`), or the agencies
 * that may receive the dossier otherwise (the fixed one, the cases' ones), from the active tree.
 */
export function receivingAgencies(rule: ReceivingRule, snap: AgencySnapshot): Agency[] {
  const dir = snap.active;
  switch (rule.mode) {
    case 'fixed':
      return [dir.get(rule.agency)].filter((a): a is Agency => !!a);
    case 'choice':
      return rule.within !== undefined && !dir.has(rule.within) ? [] : dir.ofKind(rule.kind, rule.within);
    case 'field':
      return rule.kind !== undefined ? dir.ofKind(rule.kind) : [...dir.list()];
    case 'condition': {
      const codes = new Set([...rule.cases.map((c) => c.agency), ...(rule.otherwise ? [rule.otherwise] : [])]);
      return [...codes].map((c) => dir.get(c)).filter((a): a is Agency => !!a);
    }
  }
}

export function publicAgency(a: Agency) {
  return { code: a.code, name: a.name, kind: a.kind, parent: a.parent };
}

/** What the public API says about a published version (docs/public-api.md). */
export function publicProcedureView(
  p: { code: string; version: number; publishedAt: Date; definition: Procedure },
  snap: AgencySnapshot,
  validatorsUrl: string,
) {
  const agencies = receivingAgencies(p.definition.receiving, snap);
  const calendars: Record<string, unknown> = {};
  for (const a of agencies) calendars[a.code] = snap.calendarOf(a.code);
  return {
    code: p.code,
    version: p.version,
    publishedAt: p.publishedAt.toISOString(),
    procedure: p.definition,
    validators: validatorsUrl,
    agencies: agencies.map(publicAgency),
    calendars,
  };
}

export function receivingSummary(rule: ReceivingRule) {
  switch (rule.mode) {
    case 'fixed':
      return { mode: rule.mode, agency: rule.agency };
    case 'choice':
      return { mode: rule.mode, kind: rule.kind, ...(rule.within ? { within: rule.within } : {}) };
    case 'field':
      return { mode: rule.mode, field: rule.field, ...(rule.kind ? { kind: rule.kind } : {}) };
    case 'condition':
      return {
        mode: rule.mode,
        agencies: [...new Set(rule.cases.map((c) => c.agency).concat(rule.otherwise ? [rule.otherwise] : []))],
      };
  }
}
