import type { AnyRoute } from './route.ts';
import { metaRoutes } from '../openapi/routes.ts';

/** Every API route of the server, in the order they appear in the OpenAPI document. */
export function allRoutes(): AnyRoute[] {
  const list: AnyRoute[] = [];
  list.push(...metaRoutes(() => list));
  return list;
}
