import type { DocumentRequirement, Issue, Lang, UploadLimits } from '@motcua/core';
import type { TrackingView } from '@motcua/api';
import type { PickedFile } from '../form/picked-files.ts';

export interface TrackFailure {
  where: 'lookup' | 'supplement' | 'withdraw' | 'download';
  message: { vi: string; en: string };
  network: boolean;
}

/** What <motcua-track>'s views (track-view.ts, a lazily loaded chunk) show, and what they can ask of the element. */
export interface TrackModel {
  lang: Lang;
  /** The `server` attribute (parts with their own calls, e.g. the rating, need it). */
  server: string;
  code: string;
  secret: string;
  view: TrackingView | null;
  busy: boolean;
  failure: TrackFailure | null;
  notice: string;
  supFiles: ReadonlyMap<string, readonly PickedFile[]>;
  supComment: string;
  supIssues: readonly Issue[];
  supProgress: number | null;
  withdrawOpen: boolean;
  withdrawReason: string;
  withdrawInvalid: boolean;
  /** Paying the fees online (the payment panel's view), or nothing. */
  pay: unknown;
  /** How much is owed and how to pay it (the instructions' chunk, once loaded), or Lit's `nothing`. */
  payInfo: unknown;
  requirement(documentId: string): (DocumentRequirement & UploadLimits) | undefined;
  on: {
    lookup(): void;
    code(value: string): void;
    secret(value: string): void;
    pick(documentId: string, files: FileList): void;
    removeFile(documentId: string, key: number): void;
    supComment(value: string): void;
    sendSupplement(): void;
    openWithdraw(): void;
    cancelWithdraw(): void;
    withdrawReason(value: string): void;
    withdraw(): void;
    /** A file of the dossier, or (`slip`) a slip issued to the applicant. */
    download(fileId: string, name: string, slip?: boolean): void;
  };
}
