import { expect, fixture, html } from '@open-wc/testing';
import { StaffViewer } from '../src/staff/dossier/document-viewer.ts';
import { setLang } from '../src/staff/i18n/language.ts';

/** The staff document viewer: a sandboxed frame, or — for a PDF with active content — a warning only. */

if (!customElements.get('motcua-staff-viewer')) customElements.define('motcua-staff-viewer', StaffViewer);

async function viewer(activeContent: boolean): Promise<StaffViewer> {
  const el = await fixture<StaffViewer>(
    html`<motcua-staff-viewer
      .src=${'/files/x.pdf'}
      .name=${'to-khai.pdf'}
      .mediaType=${'application/pdf'}
      .activeContent=${activeContent}
    ></motcua-staff-viewer>`,
  );
  await el.updateComplete;
  return el;
}

describe('<motcua-staff-viewer>', () => {
  afterEach(() => setLang('vi'));

  it('shows an ordinary document in a sandboxed frame', async () => {
    const el = await viewer(false);
    const frame = el.shadowRoot!.querySelector('iframe')!;
    expect(frame).to.exist;
    expect(frame.getAttribute('sandbox')).to.equal('');
    expect(el.shadowRoot!.querySelector('.warning')).to.equal(null);
  });

  it('never embeds a PDF with active content: a bilingual warning and a download link instead', async () => {
    setLang('vi');
    const el = await viewer(true);
    const root = el.shadowRoot!;
    expect(root.querySelector('iframe')).to.equal(null);
    expect(root.querySelector('embed, object')).to.equal(null);
    const warning = root.querySelector('[role="alert"]')!;
    expect(warning.textContent).to.contain('JavaScript');
    expect(warning.textContent).to.contain('không được hiển thị');
    const link = root.querySelector('a')!;
    expect(link.getAttribute('href')).to.equal('/files/x.pdf');
    expect(link.hasAttribute('download')).to.equal(true);
    expect(link.getAttribute('target')).to.equal(null);

    setLang('en');
    await el.updateComplete;
    expect(root.querySelector('[role="alert"]')!.textContent).to.contain('it is not shown');
  });
});
