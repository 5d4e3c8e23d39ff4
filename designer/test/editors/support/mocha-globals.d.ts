// The globals web-test-runner's mocha provides (no @types/mocha in this repository).
declare function describe(name: string, fn: () => void): void;
declare function it(name: string, fn: () => void | Promise<unknown>): void;
declare function before(fn: () => void | Promise<unknown>): void;
declare function after(fn: () => void | Promise<unknown>): void;
declare function beforeEach(fn: () => void | Promise<unknown>): void;
declare function afterEach(fn: () => void | Promise<unknown>): void;
