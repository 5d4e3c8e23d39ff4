import { Value } from '@sinclair/typebox/value';
import { ValueErrorType, type ValueError } from '@sinclair/typebox/errors';
import type { TSchema } from '@sinclair/typebox';
import type { Issue } from '../model/issue.ts';
import { schemaErrorMessage } from '../conditions/validation-messages.ts';
import { isActionKind } from '../vocabulary/actions.ts';
import { ACTION_PARAMS, ActionEnvelopeSchema } from './action-schema.ts';
import type { Action } from './types.ts';

/**
 * The problems of an action's shape, pointers into the action ("/params/dueBy"). Checked by
 * interpreting the TypeBox schemas (no eval), so it runs under a strict CSP too.
 */
export function actionShapeIssues(action: unknown): Issue[] {
  const envelope = schemaIssues(ActionEnvelopeSchema, action, '');
  if (envelope.length) return envelope;
  const a = action as Action;
  if (!isActionKind(a.kind)) {
    return [
      {
        pointer: '/kind',
        code: 'enum',
        message: { vi: `Không có thao tác "${a.kind}"`, en: `Unknown action kind "${a.kind}"` },
      },
    ];
  }
  const issues: Issue[] = [];
  if (a.actor.kind === 'staff') {
    if (a.actor.id === undefined) issues.push(required('/actor/id', 'id'));
    if (a.actor.agency === undefined) issues.push(required('/actor/agency', 'agency'));
  }
  issues.push(...schemaIssues(ACTION_PARAMS[a.kind], a.params ?? {}, '/params'));
  return issues;
}

function required(pointer: string, name: string): Issue {
  return {
    pointer,
    code: 'required',
    message: schemaErrorMessage({ instancePath: pointer, keyword: 'required', params: { missingProperty: name } }),
  };
}

function schemaIssues(schema: TSchema, value: unknown, prefix: string): Issue[] {
  const seen = new Set<string>();
  const out: Issue[] = [];
  for (const e of Value.Errors(schema, value)) {
    if (seen.has(e.path)) continue;
    seen.add(e.path);
    out.push(toIssue(e, prefix));
  }
  return out;
}

function lastSegment(path: string): string {
  return path
    .slice(path.lastIndexOf('/') + 1)
    .replace(/~1/g, '/')
    .replace(/~0/g, '~');
}

function toIssue(e: ValueError, prefix: string): Issue {
  const s = e.schema as Record<string, unknown>;
  const pointer = prefix + e.path;
  const kw = (keyword: string, params: Record<string, unknown> = {}): Issue => ({
    pointer,
    code: keyword,
    message: schemaErrorMessage({ instancePath: pointer, keyword, params }),
  });
  switch (e.type) {
    case ValueErrorType.ObjectRequiredProperty:
      return kw('required', { missingProperty: lastSegment(e.path) });
    case ValueErrorType.ObjectAdditionalProperties:
      return kw('additionalProperties', { additionalProperty: lastSegment(e.path) });
    case ValueErrorType.Object:
      return kw('type', { type: 'object' });
    case ValueErrorType.Array:
      return kw('type', { type: 'array' });
    case ValueErrorType.String:
      return kw('type', { type: 'string' });
    case ValueErrorType.Integer:
      return kw('type', { type: 'integer' });
    case ValueErrorType.Number:
      return kw('type', { type: 'number' });
    case ValueErrorType.Boolean:
      return kw('type', { type: 'boolean' });
    case ValueErrorType.IntegerMinimum:
    case ValueErrorType.NumberMinimum:
      return kw('minimum', { limit: s.minimum });
    case ValueErrorType.IntegerMaximum:
    case ValueErrorType.NumberMaximum:
      return kw('maximum', { limit: s.maximum });
    case ValueErrorType.StringMinLength:
      return kw('minLength', { limit: s.minLength });
    case ValueErrorType.StringMaxLength:
      return kw('maxLength', { limit: s.maxLength });
    case ValueErrorType.StringPattern:
      return s.pattern === '\\S'
        ? { pointer, code: 'blank', message: { vi: 'Không được để trống', en: 'Must not be blank' } }
        : kw('pattern');
    case ValueErrorType.ArrayMinItems:
      return kw('minItems', { limit: s.minItems });
    case ValueErrorType.ArrayMaxItems:
      return kw('maxItems', { limit: s.maxItems });
    case ValueErrorType.ArrayUniqueItems:
      return {
        pointer,
        code: 'uniqueItems',
        message: { vi: 'Các mục không được trùng nhau', en: 'Items must not repeat' },
      };
    case ValueErrorType.Union:
    case ValueErrorType.Literal:
      return kw('enum');
    default:
      return { pointer, code: 'invalid', message: { vi: 'Giá trị không hợp lệ', en: `Invalid value: ${e.message}` } };
  }
}
