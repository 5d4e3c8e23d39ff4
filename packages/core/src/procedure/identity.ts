import type { Procedure } from '../model/procedure.ts';
import { type SchemaEvaluator, holds } from '../conditions/evaluator.ts';
import { getAt, parsePointer } from '../model/json-pointer.ts';
import type { ApplicantIdentity, SubmitterIdentity } from './result-schemas.ts';

/**
 * The applicant's identity is read only through the definition's pointers (the logbook, search,
 * slips and notifications use it, never free-form data). Fields the form leaves empty are absent.
 */
export type { ApplicantIdentity, SubmitterIdentity } from './result-schemas.ts';

/** Which kind of applicant the data describes: the organisation when only it is declared or `isOrganization` holds. */
export function applicantKind(
  procedure: Procedure,
  data: unknown,
  evaluator: SchemaEvaluator,
): 'person' | 'organization' {
  const { person, organization, isOrganization } = procedure.applicant;
  if (organization && !person) return 'organization';
  if (organization && person && isOrganization !== undefined && holds(evaluator, isOrganization, data))
    return 'organization';
  return 'person';
}

export function applicantIdentity(procedure: Procedure, data: unknown, evaluator: SchemaEvaluator): ApplicantIdentity {
  const kind = applicantKind(procedure, data, evaluator);
  const pointers: Record<string, string | undefined> =
    kind === 'organization' ? { ...procedure.applicant.organization } : { ...procedure.applicant.person };
  return { kind, ...read(data, pointers) };
}

/** Who filed on the applicant's behalf, or null when nobody did (no submitter, `when` false, or no name given). */
export function submitterIdentity(
  procedure: Procedure,
  data: unknown,
  evaluator: SchemaEvaluator,
): SubmitterIdentity | null {
  const s = procedure.submitter;
  if (!s || !holds(evaluator, s.when, data)) return null;
  const { when: _when, ...pointers } = s;
  const identity = read(data, pointers) as SubmitterIdentity;
  return identity.fullName ? identity : null;
}

/** The text at each pointer; values that are not text (or a number) or are blank are left out. */
function read(data: unknown, pointers: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, pointer] of Object.entries(pointers)) {
    if (typeof pointer !== 'string') continue;
    const value = getAt(data, pointer);
    const text =
      typeof value === 'string'
        ? value.trim()
        : typeof value === 'number' && Number.isFinite(value)
          ? String(value)
          : '';
    if (text) out[key] = text;
  }
  return out;
}

/**
 * The form data that puts a known person (a returning applicant found at the counter) at the
 * definition's person pointers: the inverse of applicantIdentity, so the counter's prefill and
 * the logbook read the same places. Fields the procedure does not point at are left out.
 */
export function applicantPrefill(
  procedure: Procedure,
  person: Readonly<Partial<Record<'fullName' | 'idNumber' | 'birthDate' | 'address' | 'phone' | 'email', string>>>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const pointers = procedure.applicant.person;
  if (!pointers) return out;
  for (const [key, pointer] of Object.entries(pointers) as [keyof typeof person, string | undefined][]) {
    const value = person[key]?.trim();
    if (pointer && value) setAt(out, parsePointer(pointer), value);
  }
  return out;
}

/** Sets `value` at `path` in `data`, creating the objects on the way. */
function setAt(data: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let cur = data;
  for (const seg of path.slice(0, -1)) {
    const next = cur[seg];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) cur[seg] = {};
    cur = cur[seg] as Record<string, unknown>;
  }
  if (path.length) cur[path.at(-1)!] = value;
}
