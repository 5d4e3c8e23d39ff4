import {
  createAgencyDirectoryUnchecked,
  computeDue,
  resolveReceivingAgency,
  type AgencyDirectory,
  type Calendar,
  type Procedure,
  type SchemaEvaluator,
} from '@motcua/core';
import type { ProcedureView } from '../../api/types.ts';

/** What the agency helpers need of a procedure view (or of a procedure given as data). */
type View = Pick<ProcedureView, 'procedure' | 'agencies' | 'calendars'>;
import { DEFAULT_TIME_ZONE } from './format.ts';

/**
 * The agencies of a procedure view as core's directory. The public view lists only the agencies
 * an applicant may choose (already filtered by the server, e.g. to a `within` subtree), so a
 * parent outside the list is cut off. The server published them from a directory it checked
 * (core's createAgencyDirectory), so they are not checked again here: a subset with the cut-off
 * parents removed is still a consistent tree.
 */
export function directoryOf(view: View): AgencyDirectory {
  const codes = new Set(view.agencies.map((a) => a.code));
  return createAgencyDirectoryUnchecked(
    view.agencies.map((a) => ({
      code: a.code,
      name: a.name,
      kind: a.kind,
      parent: a.parent && codes.has(a.parent) ? a.parent : null,
      timeZone: calendarOf(view, a.code)?.timeZone ?? DEFAULT_TIME_ZONE,
    })),
  );
}

export function calendarOf(view: View, agency: string): Calendar | undefined {
  const cal = view.calendars?.[agency] as Calendar | undefined;
  return cal && typeof cal === 'object' && typeof cal.timeZone === 'string' && Array.isArray(cal.workingHours)
    ? cal
    : undefined;
}

/**
 * The receiving rule as the browser can check it: `within` is the server's filter, already
 * applied to the listed agencies (whose ancestors the browser does not see).
 */
export function receivingForBrowser(procedure: Procedure, directory: AgencyDirectory): Pick<Procedure, 'receiving'> {
  const r = procedure.receiving;
  if (r.mode === 'choice' && r.within !== undefined && !directory.has(r.within)) {
    const { within: _within, ...rest } = r;
    return { receiving: rest };
  }
  return { receiving: r };
}

export type ReceivingResult = { ok: true; agency: string } | { ok: false; issue: import('@motcua/core').Issue };

export function receivingAgency(
  view: View,
  directory: AgencyDirectory,
  data: unknown,
  evaluator: SchemaEvaluator,
  chosen: string | undefined,
): ReceivingResult {
  return resolveReceivingAgency(receivingForBrowser(view.procedure, directory), data, evaluator, directory, chosen);
}

/** The appointment if the dossier were accepted at `now` by `agency` (core's computeDue on its calendar). */
export function expectedDue(view: View, agency: string, now: number): { at: number; timeZone: string } | null {
  const cal = calendarOf(view, agency);
  if (!cal) return null;
  try {
    return { at: computeDue(cal, now, view.procedure.deadline), timeZone: cal.timeZone };
  } catch {
    return null;
  }
}
