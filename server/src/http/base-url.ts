import type { Context } from 'hono';
import type { AppEnv } from './env.ts';
import type { ServerConfig } from '../config/config.ts';

/**
 * The origin browsers reach us at: MOTCUA_PUBLIC_URL, else the server's own local address. Never
 * Host or X-Forwarded-Host: these URLs (the validator module an embedding page imports and runs)
 * land in publicly cached responses, and a request header would let anyone poison that cache.
 */
export function baseUrl(c: Context<AppEnv>): string {
  return configuredBaseUrl(c.get('ctx').config);
}

export function configuredBaseUrl(config: Pick<ServerConfig, 'publicUrl' | 'port'>): string {
  return config.publicUrl ?? `http://localhost:${config.port}`;
}
