import { createPrecompiledEvaluator, type CompiledValidator } from '@motcua/core';
import { apiUrl, ApiError, getJson, send } from '../../api/http.ts';
import type { ProcedureView, SubmitResponse } from '../../api/types.ts';
import { STRINGS } from '../../i18n/strings.ts';
import { prefetchRenderers } from '../../renderers/prefetch.ts';
import type { FormProcedure } from './form-model.ts';

/** A validator module as the server compiles it (the in-force one adds its `version`). */
type ValidatorModule = { validators?: Record<string, CompiledValidator>; version?: number };

/**
 * A published procedure from a motcua server: its public view, its version's precompiled validator
 * module (no `new Function`: the page may have a strict CSP) and the public API as submit handler.
 */
export async function loadPublished(server: string, code: string): Promise<FormProcedure> {
  const path = `api/v1/public/procedures/${encodeURIComponent(code)}`;
  // The in-force version's validators start with the procedure instead of waiting for its answer;
  // they serve only if they are that version (a publish may fall in between), else the view's own.
  const current = import(/* @vite-ignore */ apiUrl(server, `${path}/validators.js`)).catch(
    () => null,
  ) as Promise<ValidatorModule | null>;
  const view = await getJson<ProcedureView>(apiUrl(server, path));
  // The renderers this form needs beyond the common ones (wizard, arrays) load alongside the validators.
  const renderers = prefetchRenderers(view.procedure.form.schema, view.procedure.form.uischema);
  let validators: Record<string, CompiledValidator>;
  try {
    const module = current.then((m) =>
      m?.version === view.version ? m : (import(/* @vite-ignore */ view.validators) as Promise<ValidatorModule>),
    );
    const [mod] = await Promise.all([module, renderers]);
    validators = mod.validators ?? {};
  } catch {
    throw new ApiError('invalid-response', 0, 'validators', STRINGS.validatorsFailed, []);
  }
  return {
    ...view,
    evaluator: createPrecompiledEvaluator(validators),
    draftScope: new URL(apiUrl(server, '')).origin,
    async submit(s, progress) {
      const body = new FormData();
      body.append(
        'submission',
        JSON.stringify({ version: s.version, data: s.data, agency: s.agency, notify: s.notify }),
      );
      for (const f of s.files) body.append(`documents.${f.document}`, f.file, f.file.name);
      const res = await send<SubmitResponse>(apiUrl(server, `${path}/dossiers`), {
        method: 'POST',
        headers: { 'Idempotency-Key': s.idempotencyKey },
        body,
        onProgress: (_f, loaded, total) => progress(loaded, total),
      });
      return res.body;
    },
  };
}
