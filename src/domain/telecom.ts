// Identifiers of the network: ICCIDs (ITU-T E.118, Luhn-checked), EIDs and MSISDNs.

export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** Whether the last digit is the Luhn check digit of the others (ICCIDs, card numbers). */
export const passesLuhn = (digits: string) => luhnCheckDigit(digits.slice(0, -1)) === Number(digits.at(-1));

/** 19 digits, starting 89 (telecom), the last one a Luhn check digit. */
export function isIccid(value: string): boolean {
  return /^89\d{17}$/.test(value) && passesLuhn(value);
}

/** Completes an 18-digit ICCID body with its check digit. */
export function iccidWithCheckDigit(body: string): string {
  return body + luhnCheckDigit(body);
}

export function normalizeMsisdn(value: string): string {
  return value.startsWith('+') ? value.slice(1) : value;
}

/** The GSMA SGP.22 activation code a device scans: LPA:1$<SM-DP+ address>$<matching id>. */
export function activationCode(smdpAddress: string | null, matchingId: string | null): string | null {
  return smdpAddress && matchingId ? `LPA:1$${smdpAddress}$${matchingId}` : null;
}
