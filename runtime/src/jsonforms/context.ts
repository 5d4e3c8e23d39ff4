import type { CSSResult, TemplateResult, nothing } from 'lit';
import type { JsonFormsState, JsonSchema, RankedTester, UISchemaElement } from '@jsonforms/core';
import type { Issue, Lang, RendererName } from '@motcua/core';
import type { Params, StringKey } from '../i18n/strings.ts';
import type { ControlMapper, ControlProps } from './control-props.ts';

export type RenderResult = TemplateResult | typeof nothing;

/** What a renderer is given, as in JSON Forms' dispatch: an element, the schema its scope is relative to, the data path of that schema. */
export interface DispatchProps {
  uischema: UISchemaElement;
  schema: JsonSchema;
  path: string;
  enabled?: boolean;
  visible?: boolean;
}

export type Renderer = (props: DispatchProps, ctx: FormContext) => RenderResult;

/** One tester/renderer pair, as in every JSON Forms renderer set. */
export interface RendererEntry {
  name: string;
  tester: RankedTester;
  renderer: Renderer;
}

/** Renderers by the name of their tester in core's renderability table (RENDERABILITY). */
export type RenderersByName = { [K in RendererName]?: Renderer };

/** A control rendered in the current pass, for the error summary and focus. */
export interface RenderedControl {
  pointer: string;
  id: string;
  label: string;
  /** The labels of the groups around it, outermost first (for "Section › Field" in messages). */
  sections: readonly string[];
}

/** The services the form element offers its renderers during one render pass. */
export interface FormContext {
  readonly state: JsonFormsState;
  readonly lang: Lang;
  readonly readonly: boolean;
  /** IANA time zone for date-time and time values (Asia/Ho_Chi_Minh by default). */
  readonly timeZone: string;
  text(key: StringKey, params?: Params): string;
  /** JSON Forms' control props (mapStateToControlProps, or its enum / oneOf-enum variant), memoised for the form. */
  props(own: DispatchProps, mapper?: ControlMapper): ControlProps;
  /** A value derived from the form's schemas, kept across renders while `deps` stay the same (see FormMemo). */
  memo<T>(owner: object, key: string, deps: readonly unknown[], compute: () => T): T;
  /** Dispatches an element to the highest-ranked renderer, or says visibly that none fits. */
  render(props: DispatchProps): RenderResult;
  change(path: string, value: unknown): void;
  /** The data at `path` now (event handlers must not trust values captured at render time). */
  valueAt(path: string): unknown;
  /** Marks the control at `path` as visited: its errors show from now on. */
  touch(path: string): void;
  /** The issues to show at exactly `path` now. */
  issuesAt(path: string): Issue[];
  /** Records a problem the data cannot hold (e.g. text typed in a number field); undefined clears it. */
  setLocalIssue(path: string, issue: Issue | undefined): void;
  /** Renders `body` inside the section `label`: controls registered meanwhile carry it. */
  section<T>(label: string, body: () => T): T;
  /** A unique DOM id for the control at `path` in this pass; registers it for the error summary. */
  control(path: string, label: string): string;
  /** What the person chose at `key` (an alternative, a list's row shown in detail); undefined before any choice. */
  choice(key: string): number | undefined;
  choose(key: string, index: number): void;
  /** The stored step (index among all the categorization's elements) of the wizard `key`. */
  step(key: string): number;
  goToStep(key: string, index: number): void;
  /** Tells the form which step the wizard `key` shows (the form emits motcua-step when it changes). */
  reportStep(key: string, detail: { step: number; count: number; label: string }): void;
  /** Every current issue at or below `pointers`, shown yet or not. */
  issuesWithin(pointers: readonly string[]): Issue[];
  /** Reveals every error at or below `pointers` (a wizard step asking to move on): true when there are none. */
  revealWithin(pointers: readonly string[]): boolean;
  /** A part of the form being loaded (a lazy renderer's chunk): the form renders again, and updateComplete waits, until it settles. */
  waitFor(loading: Promise<unknown>): void;
  /** Adds a lazily loaded part's styles to the form's shadow root (once). */
  adoptStyles(styles: CSSResult): void;
  /** Focuses the element with `id` after the next render. */
  focusAfterRender(id: string): void;
  /** Every control rendered so far in this pass (in order). */
  readonly rendered: RenderedControl[];
}
