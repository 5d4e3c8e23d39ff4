import { formatTrackingSecret, normalizeTrackingSecret } from '@motcua/core';
import type { ServerConfig } from '../config/config.ts';
import { configuredBaseUrl } from '../http/base-url.ts';

/** The province's tracking page: configured, else the sample site's, which `npm start` serves. */
export function trackingPageUrl(config: Pick<ServerConfig, 'trackingUrl' | 'publicUrl' | 'port'>): string {
  return config.trackingUrl ?? `${configuredBaseUrl(config)}/site/tra-cuu.html`;
}

/**
 * The link a printed receipt's QR code opens: the province's tracking page with the dossier code
 * and secret in the fragment, which browsers never send to a server (no access log keeps it);
 * <motcua-track> reads it from there (docs/public-api.md, publicTrackDossier).
 */
export function trackingLink(pageUrl: string, code: string, secret: string): { secret: string; url: string } {
  const url = new URL(pageUrl);
  url.hash = new URLSearchParams({ 'motcua-code': code, 'motcua-secret': normalizeTrackingSecret(secret) }).toString();
  return { secret: formatTrackingSecret(secret), url: url.toString() };
}
