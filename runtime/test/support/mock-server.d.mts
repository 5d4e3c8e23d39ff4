// Types of mock-server.mjs (the mock of the public API), for the Node-side tests that serve it.
export function mockServer(): (ctx: unknown, next: () => Promise<void>) => Promise<void>;
