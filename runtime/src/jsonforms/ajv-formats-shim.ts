/** Replaces `ajv-formats` inside @jsonforms/core at bundle time (see ajv-shim.ts). */
export default function addFormats<T>(ajv: T): T {
  return ajv;
}
