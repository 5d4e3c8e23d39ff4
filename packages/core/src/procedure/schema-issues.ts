import type { SchemaError } from '../conditions/evaluator.ts';
import type { Issue } from '../model/issue.ts';
import type { Message } from '../i18n/text.ts';
import { schemaErrorMessage, schemaErrorPointer } from '../conditions/validation-messages.ts';

/**
 * Turns the raw errors of a JSON Schema validator (ajv, run-time or precompiled, `allErrors`) into
 * issues a person can act on. ajv reports every failing branch of an `anyOf`/`oneOf` and then the
 * combinator itself; here each such group collapses to the branch the data most likely meant (the
 * one whose discriminating property — `mode`, `unit`… — matched), or to one clear message listing
 * the allowed values or the alternatives. `if` errors are dropped when the `then`/`else` errors
 * that caused them are present.
 */
export function schemaIssues(errors: readonly SchemaError[], prefix = ''): Issue[] {
  const collapsed = collapse(errors);
  const hasOther = (e: SchemaError) =>
    collapsed.some((o) => o !== e && o.keyword !== 'if' && isWithin(o.instancePath, e.instancePath));
  const out: Issue[] = [];
  const seen = new Set<string>();
  for (const e of collapsed) {
    if (e.keyword === 'if' && hasOther(e)) continue;
    const issue: Issue = { pointer: prefix + schemaErrorPointer(e), message: messageOf(e), code: codeOf(e) };
    const key = `${issue.pointer}\u0000${issue.code}\u0000${issue.message.en}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(issue);
  }
  return out;
}

/** A collapsed group is represented by a synthetic error carrying its message. */
interface Synthetic extends SchemaError {
  synthetic?: { message: Message; code: string };
  /** The errors this one stands for (so that an enclosing group can score it). */
  parts?: readonly SchemaError[];
}

function messageOf(e: Synthetic): Message {
  return e.synthetic?.message ?? schemaErrorMessage(e);
}

function codeOf(e: Synthetic): string {
  return e.synthetic?.code ?? e.keyword;
}

/** True when `pointer` equals `base` or lies below it. */
function isWithin(pointer: string, base: string): boolean {
  return pointer === base || pointer.startsWith(base + '/');
}

function depthBelow(pointer: string, base: string): number {
  if (pointer === base) return 0;
  return pointer.slice(base.length).split('/').length - 1;
}

function collapse(errors: readonly SchemaError[]): Synthetic[] {
  const out: Synthetic[] = [];
  for (const error of errors) {
    if ((error.keyword !== 'anyOf' && error.keyword !== 'oneOf') || error.params?.passingSchemas) {
      out.push(error);
      continue;
    }
    // ajv emits a combinator's branch errors right before the combinator's own error.
    const path = error.schemaPath ?? '';
    const parent = path.slice(0, path.length - error.keyword.length - 1);
    let start = out.length;
    while (start > 0) {
      const prev = out[start - 1]!;
      const p = prev.schemaPath ?? '';
      if (!isWithin(prev.instancePath, error.instancePath)) break;
      // An earlier keyword of the same schema object (e.g. its `required`) is not part of a branch.
      if (p.startsWith(parent + '/') && !p.startsWith(path + '/')) break;
      start--;
    }
    const members = out.splice(start);
    out.push(...chooseBranch(error, path, members));
  }
  return out;
}

interface Branch {
  errors: Synthetic[];
  mismatch: number;
  shape: number;
}

function chooseBranch(error: SchemaError, path: string, members: Synthetic[]): Synthetic[] {
  if (members.length === 0) return [error];
  const branches = new Map<string, Synthetic[]>();
  let current = 'ref';
  for (const m of members) {
    const p = m.schemaPath ?? '';
    const match = p.startsWith(path + '/') ? /^\/(\d+)/.exec(p.slice(path.length)) : null;
    if (match) current = match[1]!;
    // Errors from a branch that is a $ref carry the target's schema path: they belong to the
    // branch being evaluated when they were emitted.
    const list = branches.get(current) ?? [];
    list.push(m);
    branches.set(current, list);
  }
  const base = error.instancePath;
  const scored: Branch[] = [...branches.values()].map((errs) => {
    let mismatch = 0;
    let shape = 0;
    for (const e of errs) {
      const d = depthBelow(e.instancePath, base);
      const discriminating = e.keyword === 'const' || e.keyword === 'enum' || e.synthetic?.code === 'enum';
      if ((discriminating && d <= 1) || (e.keyword === 'type' && d === 0)) mismatch++;
      else if ((e.keyword === 'required' || e.keyword === 'additionalProperties') && d === 0) shape++;
    }
    return { errors: errs, mismatch, shape };
  });
  scored.sort((a, b) => a.mismatch - b.mismatch || a.shape - b.shape || a.errors.length - b.errors.length);
  const best = scored[0]!;
  const second = scored[1];
  const clearWinner =
    best.mismatch === 0 &&
    (!second || second.mismatch > 0 || (best.shape === 0 && second.shape > 0) || best.shape < second.shape);
  if (clearWinner) return best.errors;

  // Every branch rejected the value itself: list what is allowed.
  const valueChoice = scored.every((b) => b.errors.every((e) => isValueError(e) && e.instancePath === base));
  if (valueChoice)
    return [
      allowedValues(
        error,
        base,
        scored.flatMap((b) => b.errors),
      ),
    ];

  // Every branch rejected the same discriminating property (e.g. an unknown `mode`).
  const discriminator = commonDiscriminator(scored, base);
  if (discriminator !== undefined) {
    const errs = scored.flatMap((b) => b.errors.filter((e) => e.instancePath === discriminator && isValueError(e)));
    return [allowedValues(error, discriminator, errs)];
  }

  // Alternatives told apart by which property is present: name them.
  const missing = scored.map((b) =>
    b.errors
      .filter((e) => e.keyword === 'required' && e.instancePath === base)
      .map((e) => String(e.params.missingProperty)),
  );
  if (best.mismatch === 0 && missing.every((m) => m.length === 1)) {
    const names = [...new Set(missing.map((m) => `"${m[0]}"`))].join(', ');
    return [
      {
        ...error,
        synthetic: {
          code: error.keyword,
          message: {
            vi: `Phải có một trong các thuộc tính ${names} (mỗi thuộc tính ứng với một cách khai báo)`,
            en: `Must have one of the properties ${names} (each selects one form)`,
          },
        },
      },
    ];
  }
  // Several plausible branches: report the best one's errors if it is unique in its score, else the group.
  if (best.mismatch === 0 && (!second || best.shape < second.shape || best.errors.length < second.errors.length))
    return best.errors;
  return [error];
}

function isValueError(e: Synthetic): boolean {
  return e.keyword === 'const' || e.keyword === 'enum' || e.keyword === 'type' || e.synthetic?.code === 'enum';
}

function commonDiscriminator(branches: Branch[], base: string): string | undefined {
  let common: Set<string> | undefined;
  for (const b of branches) {
    const here = new Set(
      b.errors.filter((e) => isValueError(e) && depthBelow(e.instancePath, base) === 1).map((e) => e.instancePath),
    );
    common = common ? new Set([...common].filter((p) => here.has(p))) : here;
  }
  return common && common.size === 1 ? [...common][0] : undefined;
}

function allowedValues(error: SchemaError, pointer: string, errs: readonly Synthetic[]): Synthetic {
  const values: unknown[] = [];
  const types: string[] = [];
  const add = (v: unknown) => {
    if (!values.some((x) => JSON.stringify(x) === JSON.stringify(v))) values.push(v);
  };
  for (const e of errs) {
    if (e.keyword === 'const') add(e.params.allowedValue);
    else if (e.keyword === 'enum') (e.params.allowedValues as unknown[] | undefined)?.forEach(add);
    else if (e.keyword === 'type') types.push(String(e.params.type));
    else if (e.synthetic?.code === 'enum') (e.params.allowedValues as unknown[] | undefined)?.forEach(add);
  }
  const list = values.map((v) => JSON.stringify(v)).join(', ');
  const typeVi = types.map((t) => TYPE_VI[t] ?? t).join(' hoặc ');
  const typeEn = types.join(' or ');
  const message: Message =
    values.length && types.length
      ? {
          vi: `Phải là một trong các giá trị ${list}, hoặc có kiểu ${typeVi}`,
          en: `Must be one of ${list}, or of type ${typeEn}`,
        }
      : values.length
        ? { vi: `Phải là một trong các giá trị ${list}`, en: `Must be one of ${list}` }
        : { vi: `Phải có kiểu ${typeVi}`, en: `Must be of type ${typeEn}` };
  return {
    instancePath: pointer,
    keyword: 'enum',
    params: { allowedValues: values },
    schemaPath: error.schemaPath,
    synthetic: { code: 'enum', message },
    parts: errs,
  };
}

const TYPE_VI: Record<string, string> = {
  string: 'chuỗi',
  number: 'số',
  integer: 'số nguyên',
  boolean: 'đúng/sai',
  object: 'đối tượng',
  array: 'danh sách',
  null: 'rỗng',
};
