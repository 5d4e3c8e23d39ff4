/** Safety net for calendars built in code without parseCalendar: no working day for ten years. */
export const MAX_IDLE_DAYS = 3660;

export function noWorkingTime(after: string): Error {
  return new RangeError(`The calendar has no working day for ${MAX_IDLE_DAYS} days after ${after}`);
}
