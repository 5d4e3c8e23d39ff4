/**
 * Named points where tests inject failures (e.g. "intake.after-file-write"). In production every
 * point is a no-op; a test passes handlers that throw or stall.
 */
export type FaultPoint =
  'intake.after-file-write' | 'intake.after-insert' | 'intake.before-commit' | 'upload.after-part';

export interface Faults {
  hit(point: FaultPoint, detail?: unknown): Promise<void>;
}

export const noFaults: Faults = { hit: async () => {} };

export function faultsFrom(handlers: Partial<Record<FaultPoint, (detail?: unknown) => void | Promise<void>>>): Faults {
  return {
    async hit(point, detail) {
      await handlers[point]?.(detail);
    },
  };
}
