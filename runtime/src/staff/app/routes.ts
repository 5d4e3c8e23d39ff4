import { BASE } from '../ui/navigate.ts';

export type Route =
  | { screen: 'inbox'; queue?: string }
  | { screen: 'dossier'; code: string }
  | { screen: 'intake' }
  | { screen: 'admin' }
  | { screen: 'oversight' }
  | { screen: 'not-found' };

/** The screen of a path under the workspace's base. */
export function routeOf(pathname: string): Route {
  const rest = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname;
  // A screen's view may follow in the query (the oversight filters): the path alone names the screen.
  const parts = rest.split(/[?#]/)[0]!.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0 || (parts[0] === 'inbox' && parts.length <= 2))
    return parts[1] ? { screen: 'inbox', queue: parts[1] } : { screen: 'inbox' };
  if (parts[0] === 'dossiers' && parts.length === 2) return { screen: 'dossier', code: parts[1]! };
  if (parts[0] === 'intake' && parts.length === 1) return { screen: 'intake' };
  if (parts[0] === 'admin' && parts.length === 1) return { screen: 'admin' };
  if (parts[0] === 'oversight' && parts.length === 1) return { screen: 'oversight' };
  return { screen: 'not-found' };
}
