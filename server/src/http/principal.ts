import type { Role } from '@motcua/core';

/** A role held at an agency. */
export interface Grant {
  agency: string;
  role: Role;
}

/** The authenticated staff member behind a request (set by the session middleware, read by every feature). */
export interface Principal {
  staffId: string;
  username: string;
  fullName: string;
  agencyCode: string;
  grants: Grant[];
  via: 'session' | 'token';
  sessionId?: string;
  csrfToken?: string;
  tokenId?: string;
}
