/**
 * lodash/isEmpty with lodash's early exit: @jsonforms/core asks it of whole schemas (a 100-field
 * form's root schema on every control of every render), and es-toolkit's version lists every key
 * first (measured: the largest cost of a re-render). Same answers as lodash for what JSON Forms
 * passes: null/undefined, strings, arrays, Maps, Sets, plain objects, numbers, booleans.
 */
export default function isEmpty(value: unknown): boolean {
  if (value == null) return true;
  if (typeof value === 'string' || Array.isArray(value) || ArrayBuffer.isView(value))
    return (value as { length: number }).length === 0;
  if (value instanceof Map || value instanceof Set) return value.size === 0;
  if (typeof value === 'object' || typeof value === 'function') {
    if (
      typeof value === 'object' &&
      'length' in value &&
      typeof (value as { length: unknown }).length === 'number' &&
      Object.prototype.toString.call(value) === '[object Arguments]'
    ) {
      return (value as { length: number }).length === 0;
    }
    for (const key in value)
      if (Object.prototype.hasOwnProperty.call(value, key) && !(key === 'constructor' && isPrototype(value)))
        return false;
    return true;
  }
  return true;
}

function isPrototype(value: object): boolean {
  const ctor = (value as { constructor?: { prototype?: unknown } }).constructor;
  return typeof ctor === 'function' && ctor.prototype === value;
}
