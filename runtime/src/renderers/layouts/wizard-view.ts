import { css, html, nothing } from 'lit';
import {
  composeWithUi,
  isVisible,
  mapStateToLayoutProps,
  type Categorization,
  type Category,
  type ControlElement,
  type GroupLayout,
  type Layout,
  type UISchemaElement,
} from '@jsonforms/core';
import type { DispatchProps, FormContext } from '../../jsonforms/context.ts';
import { children } from './layouts.ts';
import { pathToPointer } from '../../jsonforms/paths.ts';
import { wizardKey } from './wizard-key.ts';
import { addWords } from '../../i18n/strings.ts';
import { WIZARD_WORDS_VI } from '../../i18n/strings-wizard.ts';

// This module is its own chunk (loaded by forms that have a wizard): its Vietnamese words come with it.
addWords('vi', WIZARD_WORDS_VI);

/**
 * A Categorization is a multi-step wizard: a list of steps with the current one marked, "step n
 * of N", the current category's content, and Back / Next. Next first reveals the errors of the
 * current step and stays when there are any. Categories hidden by a rule are skipped. A
 * Categorization nested inside a step is laid out as groups (one wizard at a time).
 */
export function wizard(props: DispatchProps, ctx: FormContext) {
  const p = mapStateToLayoutProps(ctx.state, { ...props, visible: undefined });
  if (!p.visible) return nothing;
  const all = ((props.uischema as Categorization).elements ?? []) as UISchemaElement[];
  const data = ctx.state.jsonforms.core!.data;
  const ajv = ctx.state.jsonforms.core!.ajv!;
  const t = ctx.state.jsonforms.i18n?.translate;
  const visible = all
    .map((c, abs) => ({ c: c as Category, abs }))
    .filter(
      ({ c }) =>
        c.type === 'Category' && isVisible(c as UISchemaElement, data, props.path, ajv, ctx.state.jsonforms.config),
    );
  if (!visible.length) return nothing;
  const key = wizardKey(props.path);
  const stored = ctx.step(key);
  let position = visible.findIndex((v) => v.abs >= stored);
  if (position < 0) position = visible.length - 1;
  const count = visible.length;
  const current = visible[position]!.c;
  const labelOf = (c: Category) => {
    const text = typeof c.label === 'string' ? c.label : '';
    return t ? (t(`${c.i18n ?? 'category'}.label`, text) ?? text) : text;
  };
  const before = ctx.rendered.length;
  const body = children(
    ctx.memo(current, 'flattened', [], () => flattenNested(current)),
    props.schema,
    props.path,
    p.enabled,
    ctx,
  );
  const stepPointers = ctx.rendered.slice(before).map((r) => r.pointer);

  // A step behind is done only while its fields are valid (data can change after it was left).
  const state = (c: Category, i: number): 'current' | 'done' | 'attention' | '' => {
    if (i === position) return 'current';
    if (i > position) return '';
    const pointers = ctx.memo(c, 'pointers', [props.path], () => controlPointers(c, props.path));
    return ctx.issuesWithin(pointers).length ? 'attention' : 'done';
  };
  ctx.reportStep(key, { step: position, count, label: labelOf(current) });
  const go = (to: number) => ctx.goToStep(key, visible[to]!.abs);
  const next = () => {
    if (ctx.revealWithin(stepPointers)) go(position + 1);
  };

  return html`<section class="wizard" part="wizard" aria-labelledby="mc-step-title">
    <nav class="steps-nav" aria-label=${ctx.text('wizardSteps')}>
      <ol class="steps" part="steps">
        ${visible.map(({ c }, i) => {
          const st = state(c, i);
          return html`<li class="step ${st}" part=${i === position ? 'step step-current' : 'step'}
            aria-current=${i === position ? 'step' : nothing}>
            <span class="num" aria-hidden="true">${st === 'done' ? '✓' : st === 'attention' ? '!' : i + 1}</span>
            <span class="name">${labelOf(c)}</span>
            ${
              st === 'done' || st === 'attention'
                ? html`<span class="sr-only">(${ctx.text(st === 'done' ? 'wizardDone' : 'wizardAttention')})</span>`
                : nothing
            }
          </li>`;
        })}
      </ol>
    </nav>
    <p class="progress" part="progress">${ctx.text('wizardProgress', { n: position + 1, count })}</p>
    <progress class="bar" part="progress-bar" value=${position + 1} max=${count} aria-hidden="true"></progress>
    <h3 class="step-title" part="step-title" id="mc-step-title" tabindex="-1">${labelOf(current)}</h3>
    <div class="step-body">${body}</div>
    <div class="wizard-nav" part="wizard-nav">
      ${
        position > 0
          ? html`<button type="button" class="secondary" part="button wizard-back" @click=${() => go(position - 1)}>← ${ctx.text('wizardBack')}</button>`
          : html`<span></span>`
      }
      ${
        position < count - 1
          ? html`<button type="button" class="primary" part="button button-primary wizard-next" @click=${next}>${ctx.text('wizardNext')} →</button>`
          : nothing
      }
    </div>
  </section>`;
}

/** The data pointers of the controls inside `element`, through its layouts. */
function controlPointers(element: UISchemaElement, path: string): string[] {
  if (element.type === 'Control') return [pathToPointer(composeWithUi(element as ControlElement, path))];
  const kids = (element as Layout).elements;
  return Array.isArray(kids) ? kids.flatMap((k) => controlPointers(k, path)) : [];
}

/** A category's content with any nested Categorization turned into groups (rules kept). */
function flattenNested(element: Layout): Layout {
  const convert = (el: UISchemaElement): UISchemaElement => {
    if (el.type === 'Categorization' || (el.type === 'Category' && element.type !== 'Category')) {
      const l = el as Layout & { label?: string };
      return { ...l, type: 'Group', label: l.label ?? '', elements: (l.elements ?? []).map(convert) } as GroupLayout;
    }
    if (el.type === 'Category')
      return {
        ...(el as Layout),
        type: 'Group',
        elements: ((el as Layout).elements ?? []).map(convert),
      } as GroupLayout;
    const kids = (el as Layout).elements;
    return Array.isArray(kids) ? ({ ...(el as Layout), elements: kids.map(convert) } as Layout) : el;
  };
  return { ...element, elements: (element.elements ?? []).map(convert) };
}

/** The wizard's look (adopted by the form when this chunk loads). */
export const styles = css`
  .wizard .steps {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    list-style: none;
    padding: 0;
    margin: 0 0 0.5rem;
  }
  .wizard .step {
    display: flex;
    align-items: center;
    gap: 0.4rem;
    color: var(--_muted);
  }
  .wizard .step .num {
    display: inline-grid;
    place-items: center;
    width: 1.7rem;
    height: 1.7rem;
    border-radius: 50%;
    border: 2px solid currentColor;
    font-size: 0.85em;
    font-weight: 600;
  }
  .wizard .step.current {
    color: var(--_primary);
    font-weight: 600;
  }
  .wizard .step.done {
    color: var(--_success);
  }
  .wizard .step.attention {
    color: var(--_error);
  }
  .wizard .progress {
    color: var(--_muted);
    font-size: 0.925em;
    margin: 0;
  }
  .wizard progress {
    display: block;
    width: 100%;
    height: 0.4rem;
    margin: 0.25rem 0 var(--_space);
    accent-color: var(--_primary);
  }
  .wizard-nav {
    display: flex;
    justify-content: space-between;
    gap: 0.75rem;
    flex-wrap: wrap;
    margin-top: var(--_space);
  }
`;
