/**
 * Replaces `ajv` inside @jsonforms/core at bundle time (vite resolve.alias, and the test server's
 * bundle of @jsonforms/core). The runtime never lets JSON Forms compile a schema: it runs in
 * no-validation mode and evaluates rule conditions through `createValidatorShim` (precompiled
 * validators). Ajv's compiler needs `new Function`, which a strict CSP forbids; if anything still
 * asks for it, it fails loudly instead of silently compiling.
 */
const refuse = (what: string): never => {
  throw new Error(`motcua: JSON Forms asked ajv to ${what}; the runtime only uses precompiled validators`);
};

export default class Ajv {
  compile(): never {
    return refuse('compile a schema');
  }
  validate(): never {
    return refuse('validate');
  }
  addSchema(): never {
    return refuse('add a schema');
  }
  addFormat(): this {
    return this;
  }
  addKeyword(): this {
    return this;
  }
}
