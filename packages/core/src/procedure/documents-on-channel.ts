import type { DocumentRequirement, Procedure } from '../model/procedure.ts';
import type { Channel } from '../vocabulary/channels.ts';
import { askedOn } from './documents.ts';

/** A procedure's documents asked on one channel: those handed in, and those shown for checking. */
export interface ChannelDocuments {
  /** Handed in (on paper at the counter or by post, as files online), in definition order. */
  handIn: DocumentRequirement[];
  /** Shown for checking (xuất trình), never handed in nor uploaded, in definition order. */
  show: DocumentRequirement[];
}

/**
 * Every document `procedure` asks on `channel`, the ones to show apart. No condition is applied:
 * a counter's checklist and its guidance slip list what may be asked, and the clerk, who sees
 * the applicant's case, ticks what is missing (`requiredDocuments` applies them to answers).
 */
export function documentsOnChannel(procedure: Procedure, channel: Channel): ChannelDocuments {
  const asked = procedure.documents.filter((d) => askedOn(d, channel));
  return { handIn: asked.filter((d) => d.show !== true), show: asked.filter((d) => d.show === true) };
}
