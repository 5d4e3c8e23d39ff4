import { html, nothing } from 'lit';
import {
  mapStateToLayoutProps,
  type GroupLayout,
  type JsonSchema,
  type LabelElement,
  type Layout,
  type UISchemaElement,
} from '@jsonforms/core';
import { isVisible } from '@jsonforms/core';
import type { DispatchProps, FormContext, RenderResult, RenderersByName } from '../../jsonforms/context.ts';

/** The children of a layout, dispatched with the layout's schema, path and enablement. */
export function children(
  layout: Layout,
  schema: JsonSchema,
  path: string,
  enabled: boolean,
  ctx: FormContext,
): RenderResult[] {
  return (layout.elements ?? []).map((child) => ctx.render({ uischema: child, schema, path, enabled }));
}

function layoutProps(props: DispatchProps, ctx: FormContext) {
  return mapStateToLayoutProps(ctx.state, { ...props, visible: undefined });
}

function vertical(props: DispatchProps, ctx: FormContext) {
  const p = layoutProps(props, ctx);
  if (!p.visible) return nothing;
  return html`<div class="layout vertical" part="layout vertical">${children(props.uischema as Layout, props.schema, props.path, p.enabled, ctx)}</div>`;
}

function horizontal(props: DispatchProps, ctx: FormContext) {
  const p = layoutProps(props, ctx);
  if (!p.visible) return nothing;
  // The children side by side, each one a flex item itself (no wrapper: a hidden child takes no room).
  return html`<div class="layout horizontal" part="layout horizontal">${children(props.uischema as Layout, props.schema, props.path, p.enabled, ctx)}</div>`;
}

/** Group (and a Category met outside a Categorization): a fieldset whose legend is the label. */
function group(props: DispatchProps, ctx: FormContext) {
  const p = layoutProps(props, ctx);
  if (!p.visible) return nothing;
  const label = p.label ?? (props.uischema as GroupLayout).label;
  const render = () => children(props.uischema as Layout, props.schema, props.path, p.enabled, ctx);
  const body = label ? ctx.section(label, render) : render();
  return label
    ? html`<fieldset class="group" part="group"><legend part="group-label">${label}</legend>${body}</fieldset>`
    : html`<div class="group" part="group">${body}</div>`;
}

function label(props: DispatchProps, ctx: FormContext) {
  const el = props.uischema as LabelElement;
  const data = ctx.state.jsonforms.core?.data;
  if (!isVisible(el as UISchemaElement, data, props.path, ctx.state.jsonforms.core!.ajv!, ctx.state.jsonforms.config))
    return nothing;
  const t = ctx.state.jsonforms.i18n?.translate;
  const key = typeof el.i18n === 'string' ? `${el.i18n}.text` : 'label.text';
  const text = t ? (t(key, el.text) ?? el.text) : el.text;
  return html`<p class="text" part="text">${text}</p>`;
}

export const layoutRenderers = {
  vertical,
  horizontal,
  group,
  category: group,
  label,
} satisfies RenderersByName;
