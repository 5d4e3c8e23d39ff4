import type { Calendar, Procedure, SchemaEvaluator } from '@motcua/core';
import type { PublicAgency } from '../../api/types.ts';
import { ApiError } from '../../api/http.ts';
import { STRINGS } from '../../i18n/strings.ts';
import { GIVEN_STRINGS } from '../../i18n/strings-given.ts';
import { prefetchRenderers } from '../../renderers/prefetch.ts';
import type { FormProcedure, SubmitHandler } from './form-model.ts';

/** The properties with which a host gives <motcua-form> its procedure instead of a server. */
export interface GivenProcedure {
  definition: Procedure;
  version?: number | undefined;
  evaluator?: SchemaEvaluator | undefined;
  agencies?: readonly PublicAgency[] | undefined;
  calendars?: Readonly<Record<string, Calendar>> | undefined;
  submitHandler?: SubmitHandler | undefined;
}

/**
 * A procedure given as data (a draft in the designer's preview, a published version at the staff
 * counter): the same path as a published one from here on. Without an evaluator, core's ajv
 * evaluator is loaded — it compiles schemas with `new Function`, which a strict CSP refuses, so
 * the embed bundle leaves it out (a page under a strict CSP passes precompiled validators). This
 * module is a chunk of its own: a page that loads its procedure from a server never fetches it.
 */
export async function fromProperties(given: GivenProcedure): Promise<FormProcedure> {
  const p = given.definition;
  const [evaluator] = await Promise.all([
    given.evaluator ?? defaultEvaluator(),
    prefetchRenderers(p.form.schema, p.form.uischema),
  ]);
  return {
    code: p.code,
    version: given.version ?? 0,
    procedure: p,
    agencies: [...(given.agencies ?? [])],
    calendars: { ...given.calendars },
    evaluator,
    // Drafts as for a citizen, apart from those of the published forms of this page's origin.
    draftScope: `${location.origin}/given`,
    // The handler of the moment: a host may set it after the form is shown.
    submit: async (s, progress) => {
      const handler = given.submitHandler;
      if (!handler) throw new ApiError('http', 0, 'no-submit-handler', GIVEN_STRINGS.previewOnly);
      try {
        return await handler(s, progress);
      } catch (err) {
        throw asApiError(err);
      }
    },
  };
}

async function defaultEvaluator(): Promise<SchemaEvaluator> {
  try {
    const { createAjvEvaluator } = await import('@motcua/core/ajv');
    return createAjvEvaluator();
  } catch {
    throw new ApiError('invalid-response', 0, 'validators', STRINGS.validatorsFailed, []);
  }
}

/** A handler's failure as the form shows it: an `ApiError`-like object keeps its status, code and issues. */
function asApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  const e = (err ?? {}) as { status?: unknown; code?: unknown; text?: unknown; message?: unknown; issues?: unknown };
  const status = typeof e.status === 'number' ? e.status : 0;
  const text = [e.text, e.message].find(
    (m): m is { vi: string; en: string } => typeof m === 'object' && m !== null && 'vi' in m,
  );
  return new ApiError(
    status ? 'http' : 'network',
    status,
    typeof e.code === 'string' ? e.code : status ? 'http' : 'network',
    text ?? (typeof e.message === 'string' && status ? { vi: e.message, en: e.message } : STRINGS.networkError),
    Array.isArray(e.issues) ? e.issues : [],
  );
}
