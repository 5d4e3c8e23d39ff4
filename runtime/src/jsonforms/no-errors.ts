interface ErrorsOfState {
  jsonforms: { core?: { errors?: readonly unknown[]; additionalErrors?: readonly unknown[] } };
}

const NONE: readonly never[] = Object.freeze([]);

/**
 * Put in place of JSON Forms' error lookup in its control mapper at bundle time (patches/@jsonforms+core+3.8.0.patch):
 * the runtime's state is always in no-validation mode without errors (validation runs through
 * core's precompiled validators and reaches the renderers as issues by pointer), so the lookup,
 * its ajv error filtering and JSON Forms' error translator are never needed. If a state ever
 * carries JSON Forms errors, this says so instead of silently dropping them.
 */
export function noErrors(state: ErrorsOfState): readonly never[] {
  const core = state.jsonforms.core;
  if (core?.errors?.length || core?.additionalErrors?.length) {
    throw new Error(
      'motcua: JSON Forms errors in the state; the runtime shows issues through its form context (runtime/patches)',
    );
  }
  return NONE;
}
