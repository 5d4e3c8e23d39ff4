// Types of mock-admin.mjs (the mock of the administration routes).
export function mockAdmin(): (ctx: unknown, next: () => Promise<void>) => Promise<void>;
