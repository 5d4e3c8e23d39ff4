import fc from 'fast-check';
import {
  encodeParam,
  enc,
  filePart,
  hostileString,
  invalidUtf8,
  jsonText,
  multipart,
  multipartBody,
} from './hostile-inputs.ts';
import { schemaShaped } from './schema-shaped.ts';
import type { OpenApi, Operation } from './operations.ts';

/**
 * The fuzz loop shared by the public and the staff fuzz tests and the long reliability run: each
 * run draws an operation of the OpenAPI document and fills its path parameters, query and body
 * with hostile or schema-shaped values (fast-check, seedable), sends it and counts the answers.
 */
export interface FuzzOptions {
  doc: OpenApi;
  operations: Operation[];
  /** Sends one request and returns its answer (in-process app or HTTP). */
  send(path: string, init: RequestInit): Promise<Response>;
  /** Path parameter values that lead somewhere, so that the checks behind the router are reached too. */
  known: Record<string, readonly string[]>;
  /** Plausible strings for schema-shaped bodies (agency codes, procedure codes…). */
  strings: readonly string[];
  /** Headers every request of an operation carries (a session's cookie and CSRF token). */
  headers?: (op: Operation) => Record<string, string>;
  /** Called after each answer, e.g. to sign in again after the session was ended. */
  afterAnswer?: (op: Operation, status: number) => Promise<void>;
  /** How much more often an operation is drawn (default 1). */
  weight?: (op: Operation) => number;
  seconds: number;
  runs: number;
  seed: number;
  /** Throw at the first 5xx (tests) instead of counting them (the long run). */
  failOnServerError: boolean;
  onAnswer?: (done: number) => void;
}

export interface FuzzResult {
  statuses: Map<number, number>;
  /** Requests answered 5xx or not answered at all, first ones first. */
  serverErrors: string[];
  tried: number;
}

/** A seed from FUZZ_SEED, or a fresh one (printed by the callers, so that a failure can be replayed). */
export function fuzzSeed(): number {
  return process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : (Date.now() ^ (Math.random() * 2 ** 31)) | 0;
}

/** A multipart body with the operation's own parts: schema-shaped JSON parts, files under its prefix. */
function shapedMultipart(o: FuzzOptions, op: Operation) {
  const parts = op.parts!;
  const prefix = parts.filePrefix ?? 'documents.';
  return fc
    .record({
      json: fc.tuple(
        ...parts.json.map((p) =>
          schemaShaped(o.doc, p.schema, o.strings).map((v) => ({ name: p.name, body: enc.encode(JSON.stringify(v)) })),
        ),
      ),
      files: fc.array(
        filePart.map((f) => ({ ...f, name: prefix + f.name.replace(/^documents\./, '') })),
        { maxLength: 3 },
      ),
    })
    .map(({ json, files }) => ({
      type: 'multipart/form-data; boundary=5hApEd',
      body: multipart([...json, ...files], '5hApEd'),
    }));
}

function requestOf(o: FuzzOptions, op: Operation) {
  const pathParams = [...op.path.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]!);
  const json = op.bodySchema ? schemaShaped(o.doc, op.bodySchema, o.strings) : null;
  return fc.record({
    params: fc.tuple(
      ...pathParams.map((name) =>
        o.known[name]?.length
          ? fc.oneof(
              { arbitrary: fc.constantFrom(...o.known[name]!), weight: 3 },
              { arbitrary: hostileString, weight: 1 },
            )
          : hostileString,
      ),
    ),
    query: fc.array(
      fc.tuple(
        fc.constantFrom(...(op.query.length ? op.query : ['x'])),
        fc.oneof(fc.constantFrom(...o.strings), hostileString),
      ),
      { maxLength: 3 },
    ),
    secret: fc.option(
      hostileString.filter((s) => !/[\u0000-\u001f\u007f-\uffff]/.test(s)),
      { nil: undefined },
    ),
    body:
      op.body === 'multipart'
        ? op.parts?.json.length
          ? fc.oneof(multipartBody, shapedMultipart(o, op))
          : multipartBody
        : op.body === 'json'
          ? fc.oneof(
              ...(json
                ? [
                    {
                      arbitrary: json.map((v) => ({ type: 'application/json', body: enc.encode(JSON.stringify(v)) })),
                      weight: 4,
                    },
                  ]
                : []),
              { arbitrary: jsonText.map((t) => ({ type: 'application/json', body: enc.encode(t) })), weight: 2 },
              { arbitrary: invalidUtf8.map((b) => ({ type: 'application/json', body: b })), weight: 1 },
              { arbitrary: fc.constant({ type: 'text/plain', body: enc.encode('{}') }), weight: 1 },
            )
          : fc.constant(null),
  });
}

export async function fuzz(o: FuzzOptions): Promise<FuzzResult> {
  const statuses = new Map<number, number>();
  const serverErrors: string[] = [];
  let tried = 0;
  // Drawn by name, so that a counterexample prints the operation and not its whole schema.
  const byName = new Map(o.operations.map((op) => [`${op.method} ${op.path}`, op]));
  const arbitrary = fc
    .oneof(
      ...[...byName.keys()].map((name) => ({
        arbitrary: fc.constant(name),
        weight: o.weight?.(byName.get(name)!) ?? 1,
      })),
    )
    .chain((name) => requestOf(o, byName.get(name)!).map((r) => ({ name, r })));
  const last: { answered?: Promise<number> } = {};
  await fc.assert(
    fc.asyncProperty(arbitrary, async ({ name, r }) => {
      const op = byName.get(name)!;
      let i = 0;
      const path = op.path.replace(/\{[A-Za-z0-9_]+\}/g, () => encodeParam(r.params[i++] as string));
      const qs = r.query.length ? `?${r.query.map(([k, v]) => `${k}=${encodeParam(v)}`).join('&')}` : '';
      const headers: Record<string, string> = { ...o.headers?.(op) };
      if (r.secret !== undefined) headers['x-tracking-secret'] = r.secret;
      if (r.body) headers['content-type'] = r.body.type;
      const what = `${op.method} ${path}${qs}`;
      // Counted when answered even if the time limit abandons this run meanwhile: the last
      // request still stores what it stores, and the callers' checks must know it.
      const answered = (async () => {
        let status: number;
        try {
          const res = await o.send(`${path}${qs}`, {
            method: op.method,
            headers,
            ...(r.body && op.method !== 'GET' ? { body: r.body.body } : {}),
          });
          // A live stream never ends by itself: its head is the answer.
          if (res.headers.get('content-type')?.startsWith('text/event-stream')) await res.body?.cancel();
          else await res.arrayBuffer();
          status = res.status;
        } catch (err) {
          // No answer: as bad as a 5xx (the contract check of the test server throws here too).
          if (o.failOnServerError) throw err;
          status = 599;
          serverErrors.push(`${what} → ${(err as Error).message.slice(0, 300)}`);
        }
        tried++;
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status >= 500 && status !== 599) serverErrors.push(`${what} → ${status}`);
        o.onAnswer?.(tried);
        await o.afterAnswer?.(op, status);
        return status;
      })();
      last.answered = answered;
      const status = await answered;
      if (o.failOnServerError && status >= 500) throw new Error(`${what} → ${status} (seed ${o.seed})`);
    }),
    {
      numRuns: o.runs,
      seed: o.seed,
      interruptAfterTimeLimit: o.seconds * 1000,
      markInterruptAsFailure: false,
      endOnFailure: true,
    },
  );
  await last.answered?.catch(() => undefined);
  return { statuses, serverErrors, tried };
}
