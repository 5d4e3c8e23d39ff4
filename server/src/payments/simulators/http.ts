import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Loopback {
  url: string;
  close(): Promise<void>;
}

/** A small HTTP server on 127.0.0.1 (a port of its own) for the provider simulators. */
export async function loopback(
  handle: (req: IncomingMessage, url: URL, body: string, res: ServerResponse) => Promise<void>,
  port = 0,
): Promise<Loopback> {
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      handle(req, url, Buffer.concat(chunks).toString('utf8'), res).catch((err: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(err));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The simulator's pay page: the order and one link per outcome (a payer's choice in a real gateway). */
export function payPage(title: string, ref: string, amount: number, links: [string, string][]): string {
  return `<!doctype html><html lang="vi"><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<h1>${escapeHtml(title)}</h1><p>Mã giao dịch / Order: <b id="ref">${escapeHtml(ref)}</b></p>
<p>Số tiền / Amount: <b id="amount">${amount}</b> đ</p>
<ul>${links.map(([label, href]) => `<li><a href="${escapeHtml(href)}">${escapeHtml(label)}</a></li>`).join('')}</ul></html>`;
}
