import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase } from '../../test/support/databases.ts';
import { testServer } from '../../test/support/server.ts';
import { bearer, json, withBearer } from '../../test/support/http.ts';
import { birthData, pdfBytes, pngBytes, submitOnline } from '../../test/support/intake.ts';

/** A PDF that runs script when opened: an open action whose type is written with a `#xx` escape. */
function scriptedPdf(): Uint8Array {
  const filler = '% '.padEnd(70_000, 'x'); // past the first bytes the type is sniffed from
  const body = `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R/OpenAction 4 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n${filler}\n4 0 obj<</S/J#61vaScript/JS(app.alert\\(1\\))>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

interface ViewFile {
  id: string;
  documentId: string;
  mediaType: string;
  activeContent: boolean;
}

forEachDatabase('PDF active content', (db) => {
  test('an uploaded PDF with script is flagged in the dossier’s files and served only as a sandboxed attachment', async () => {
    const server = await testServer(db());
    try {
      const staff = withBearer(server, await bearer(server, 'reception.trung-tam'));
      const submit = async (certificate: Uint8Array) => {
        const res = await submitOnline(server, '1.001193', { version: 1, agency: '000.20.01.H56', data: birthData() }, [
          { document: 'giay-chung-sinh', bytes: certificate, name: 'giay-chung-sinh.pdf' },
          { document: 'giay-chung-sinh', bytes: pngBytes(), name: 'giay-chung-sinh.png', type: 'image/png' },
        ]);
        assert.equal(res.status, 201, await res.clone().text());
        const { code } = await json<{ code: string }>(res);
        const view = await json<{ files: ViewFile[] }>(await staff('GET', `/api/v1/dossiers/${code}`));
        return { code, files: view.files };
      };

      const scripted = await submit(scriptedPdf());
      const flagged = scripted.files.find((f) => f.mediaType === 'application/pdf')!;
      assert.equal(flagged.activeContent, true);
      assert.equal(scripted.files.find((f) => f.mediaType === 'image/png')!.activeContent, false);

      const clean = await submit(pdfBytes('to khai'));
      assert.deepEqual(
        clean.files.map((f) => f.activeContent),
        [false, false],
        'an ordinary PDF is not flagged',
      );

      const res = await staff('GET', `/api/v1/dossiers/${scripted.code}/files/${flagged.id}`);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-disposition')!, /^attachment;/);
      assert.match(res.headers.get('content-security-policy')!, /(^|;\s*)sandbox(;|$)/);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.deepEqual(new Uint8Array(await res.arrayBuffer()), scriptedPdf());
    } finally {
      server.dispose();
    }
  });
});
