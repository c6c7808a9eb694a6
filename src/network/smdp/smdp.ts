// The SM-DP+ (the eSIM profile server) as cellhub needs it: prepare a profile for an
// ICCID so a device can download it, cancel an order, release a profile. Profile
// events (downloaded, installed, deleted) come back through the ES2+
// HandleDownloadProgressInfo callback (see es2plus.routes.ts).

export interface PreparedProfile {
  matchingId: string;
  smdpAddress: string;
}

export interface SmdpAdapter {
  /**
   * DownloadOrder then ConfirmOrder: with `release` (the default) the profile is ready to
   * download at once; without, it waits for releaseProfile.
   */
  prepareProfile(iccid: string, eid?: string | null, options?: { release?: boolean }): Promise<PreparedProfile>;
  /** ReleaseProfile: a profile confirmed without release becomes ready to download. */
  releaseProfile(iccid: string): Promise<void>;
  /** CancelOrder: the profile goes back to the SM-DP+'s stock (Available) or is retired (Unavailable). */
  cancelProfile(iccid: string, final: 'Available' | 'Unavailable'): Promise<void>;
}

/** A refusal from the SM-DP+ (a Failed function execution status); retrying will not help. */
export class SmdpRefusal extends Error {
  constructor(
    readonly subjectCode: string,
    readonly reasonCode: string,
    message: string,
  ) {
    super(`SM-DP+ refused: ${message} (subject ${subjectCode}, reason ${reasonCode})`);
  }
}

/** ES2+ HandleDownloadProgressInfo notification points we act on. */
export const NOTIFICATION_POINTS = {
  3: 'downloaded', // BPP download
  4: 'installed', // BPP installation
  5: 'deleted', // profile deleted on the device (cellhub's use of the next point id)
} as const;

export type ProfileEvent = (typeof NOTIFICATION_POINTS)[keyof typeof NOTIFICATION_POINTS];
