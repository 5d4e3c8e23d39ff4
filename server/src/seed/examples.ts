import type { ServerContext } from '../context.ts';

export interface PublishedExample {
  code: string;
  version: number;
  file: string;
}

/** Publishes examples/procedures/*.json (filled in with the procedures module). */
export async function publishExamples(_ctx: ServerContext): Promise<PublishedExample[]> {
  return [];
}
