/**
 * Values a form derives from its (immutable) schemas, kept across renders: each under an owner
 * object (a UI schema element) and a key, recomputed when one of its dependencies changes (by
 * identity). A form makes a new memo when its root schema, language, translations or renderers
 * change, so nothing derived from the old ones survives.
 */
export class FormMemo {
  private readonly store = new WeakMap<object, Map<string, { deps: readonly unknown[]; value: unknown }>>();

  get<T>(owner: object, key: string, deps: readonly unknown[], compute: () => T): T {
    let byKey = this.store.get(owner);
    if (!byKey) this.store.set(owner, (byKey = new Map()));
    const hit = byKey.get(key);
    if (hit && hit.deps.length === deps.length && hit.deps.every((d, i) => d === deps[i])) return hit.value as T;
    const value = compute();
    byKey.set(key, { deps, value });
    return value;
  }
}
