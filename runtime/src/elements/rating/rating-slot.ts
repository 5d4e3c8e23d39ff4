import { html, nothing } from 'lit';
import type { Lang } from '@motcua/core';
import type { TrackingView } from '@motcua/api';
import { lazy } from '../../lazy.ts';

/** <motcua-rating>: a chunk of its own, fetched only for a dossier that can be, or was, rated. */
const ratingPart = lazy(() => import('./motcua-rating.ts'));

/** Where <motcua-track> shows the satisfaction rating of a returned dossier (nothing otherwise). */
export function ratingSlot(server: string, secret: string, v: TrackingView, lang: Lang) {
  const s = v.satisfaction;
  if (!s || (!s.canRate && !s.ratedAt)) return nothing;
  // Until the chunk arrives the element is an empty box; it renders itself once defined.
  void ratingPart.load().catch(() => undefined);
  return html`<motcua-rating server=${server} code=${v.code} rated-at=${s.ratedAt ?? ''} lang=${lang} .secret=${secret}></motcua-rating>`;
}
