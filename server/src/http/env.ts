import type { ServerContext } from '../context.ts';
import type { Principal } from './principal.ts';
import type { RouteContract } from '@motcua/api';

/** Hono's typed context variables for every request. */
export interface AppEnv {
  Variables: {
    ctx: ServerContext;
    requestId: string;
    /** The authenticated staff member, or null for anonymous requests. */
    principal: Principal | null;
    /** The route being served (set by the registry before the policy runs). */
    route: RouteContract;
    /** What the policy resolved about the request's target (e.g. the loaded dossier), for handlers. */
    target: unknown;
    /** The client address (from the socket, or X-Forwarded-For behind a trusted proxy). */
    clientIp: string;
    /** What a handler adds to the request's one log line (e.g. the code of a received dossier). */
    logFields: Record<string, unknown> | undefined;
  };
}
