import {
  hasShowRule,
  isInherentlyEnabled,
  isInherentlyReadonly,
  isVisible,
  mapStateToControlProps,
  mapStateToEnumControlProps,
  mapStateToOneOfEnumControlProps,
  Resolve,
  type EnumOption,
  type JsonFormsState,
  type JsonSchema,
  type OwnPropsOfControl,
  type StatePropsOfControl,
  type UISchemaElement,
} from '@jsonforms/core';

export type ControlMapper = 'control' | 'enum' | 'oneOfEnum';

export type ControlProps = StatePropsOfControl & { options?: EnumOption[] };

const MAPPERS = {
  control: mapStateToControlProps,
  enum: mapStateToEnumControlProps,
  oneOfEnum: mapStateToOneOfEnumControlProps,
} as const;

interface Entry {
  schema: JsonSchema | undefined;
  props: ControlProps;
}

/**
 * JSON Forms' control mappers (mapStateToControlProps and its enum variants), memoised for one
 * form. What depends only on the control, its schema, the root schema, the translations and the
 * config — the resolved schema, label, description, required, enum options — is computed by
 * JSON Forms once per control and path; what depends on the data — the value, SHOW/HIDE,
 * ENABLE/DISABLE and READONLY rules, the form's readonly flag — is computed on every call exactly
 * as mapStateToControlProps computes it. Resolving a scope is most of a mapper's cost, and a form
 * re-renders on every keystroke. Make a new cache when the root schema, the language, the
 * translations or the config change (test-node/control-props.test.ts checks the answers equal
 * JSON Forms' own).
 */
export class ControlPropsCache {
  private readonly entries = new WeakMap<UISchemaElement, Map<string, Entry>>();

  props(state: JsonFormsState, own: OwnPropsOfControl, mapper: ControlMapper = 'control'): ControlProps {
    const uischema = own.uischema!;
    let byPath = this.entries.get(uischema);
    if (!byPath) this.entries.set(uischema, (byPath = new Map()));
    const key = `${mapper}\n${own.path ?? ''}`;
    let entry = byPath.get(key);
    if (!entry || entry.schema !== own.schema) {
      entry = { schema: own.schema, props: MAPPERS[mapper](state, own) as ControlProps };
      byPath.set(key, entry);
      return entry.props;
    }
    const core = state.jsonforms.core!;
    const rootData = core.data;
    const config = state.jsonforms.config;
    const p = entry.props;
    return {
      ...p,
      data: Resolve.data(rootData, p.path),
      visible:
        own.visible === undefined || hasShowRule(uischema)
          ? isVisible(uischema, rootData, own.path as string, core.ajv!, config)
          : own.visible,
      enabled: isInherentlyEnabled(state, own, uischema, p.schema || p.rootSchema, rootData, config),
      readonly: isInherentlyReadonly(state, own, uischema, p.schema || p.rootSchema, rootData, config),
    };
  }
}
