// SMPP 3.4 time formats (§7.1.1) for validity_period: how long the SMSC keeps trying to
// deliver a message before it gives up on it as EXPIRED.

/** The longest validity period the relative format is used for here: its days field holds 30. */
export const MAX_VALIDITY_SECONDS = 30 * 86_400;

const two = (n: number) => String(n).padStart(2, '0');

/**
 * The relative format "YYMMDDhhmmss000R" ("000002000000000R" is 48 hours), counted from
 * when the SMSC takes the message, so the SMSC's clock and ours need not agree.
 */
export function relativeValidity(seconds: number): string {
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > MAX_VALIDITY_SECONDS) {
    throw new RangeError(`validity period must be 1 to ${MAX_VALIDITY_SECONDS} seconds, got ${seconds}`);
  }
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  return `0000${two(days)}${two(hours)}${two(minutes)}${two(seconds % 60)}000R`;
}
