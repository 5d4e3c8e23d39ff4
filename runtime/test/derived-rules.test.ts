import { expect, fixture, html } from '@open-wc/testing';
import { createInterpretedEvaluator } from '@motcua/core';
import type { MotcuaForm } from '../src/index.ts';
import type { ProcedureView } from '../src/api/types.ts';
import { norm, waitFor } from './support/helpers.ts';
import { answer, BIRTH, innerForm, MONDAY_9AM, validBirthData } from './support/form-helpers.ts';

// UI schema rules read the procedure's derived values (`/$derived/<name>`) as its conditions do:
// the form hands <motcua-jsonforms> core's withDerived, computed as if submitted now.

const LATE = 'Đăng ký quá hạn 60 ngày: lệ phí được thu. / Registered after 60 days: the charge applies.';

/** The birth registration with an explanation shown only for a late registration (over 60 days). */
async function lateBirthForm(): Promise<MotcuaForm> {
  const view = (await (await fetch(`/mock/ok/api/v1/public/procedures/${BIRTH}`)).json()) as ProcedureView;
  const definition = structuredClone(view.procedure);
  const ui = definition.form.uischema as { elements: unknown[] };
  ui.elements.push({
    type: 'Label',
    text: LATE,
    rule: {
      effect: 'SHOW',
      condition: {
        scope: '#',
        schema: {
          properties: {
            $derived: { properties: { daysSinceBirth: { exclusiveMinimum: 60 } }, required: ['daysSinceBirth'] },
          },
          required: ['$derived'],
        },
      },
    },
  });
  const el = await fixture<MotcuaForm>(html`<motcua-form
    lang="vi"
    .definition=${definition}
    .version=${view.version}
    .evaluator=${createInterpretedEvaluator()}
    .agencies=${structuredClone(view.agencies)}
    .calendars=${structuredClone(view.calendars)}
    .now=${() => MONDAY_9AM}
  ></motcua-form>`);
  await waitFor(() => el.shadowRoot!.querySelector('motcua-jsonforms'), 'the form');
  await el.updateComplete;
  return el;
}

// A label's text is "vi / en": a Vietnamese page shows the first.
const shown = (el: MotcuaForm) =>
  norm(innerForm(el).shadowRoot!.textContent).includes('Đăng ký quá hạn 60 ngày: lệ phí được thu.');

async function bornOn(el: MotcuaForm, birthDate: string): Promise<void> {
  const data = await validBirthData();
  await answer(el, { ...data, child: { ...(data.child as object), birthDate } });
  await innerForm(el).updateComplete;
}

describe('UI rules on derived values', () => {
  it('a late-registration explanation shows only when the birth is more than 60 days before filing', async () => {
    const el = await lateBirthForm();
    expect(shown(el)).to.equal(false, 'no birth date: no days since the birth');
    await bornOn(el, '2025-12-01'); // 91 days before Monday 2 March 2026
    await waitFor(() => shown(el), 'the explanation for a late registration');
    await bornOn(el, '2026-01-01'); // the 60th day: on time
    expect(shown(el)).to.equal(false, 'on time');
    await bornOn(el, '2025-12-31'); // the 61st day
    expect(shown(el)).to.equal(true, 'late');
  });

  it('the derived values stay out of the answers the form reports', async () => {
    const el = await lateBirthForm();
    await bornOn(el, '2025-12-01');
    expect(Object.keys(innerForm(el).data as object)).not.to.include('$derived');
  });
});
