import { localDate, VIETNAM_TIME_ZONE } from '@motcua/core';

/** Today in the province: publishing asks for an effective date of today or later there. */
export const provinceToday = (now: number): string => localDate(now, VIETNAM_TIME_ZONE);
