// The network's identifiers (domain/telecom.ts): Luhn check digits, ICCIDs, MSISDNs and
// the activation code a device scans.
import { describe, expect, it } from 'vitest';
import { activationCode, iccidWithCheckDigit, isIccid, luhnCheckDigit, normalizeMsisdn, passesLuhn } from '../../src/domain/telecom.ts';

describe('Luhn', () => {
  it('computes the check digit of the textbook examples', () => {
    expect(luhnCheckDigit('7992739871')).toBe(3);
    expect(luhnCheckDigit('0')).toBe(0);
    expect(luhnCheckDigit('1')).toBe(8);
    expect(luhnCheckDigit('891004234814455936')).toBe(1);
  });

  it('accepts a number whose last digit checks the others, and nothing else', () => {
    expect(passesLuhn('79927398713')).toBe(true);
    expect(passesLuhn('4111111111111111')).toBe(true); // a test card number
    for (const wrong of ['79927398710', '79927398714', '4111111111111112']) expect(passesLuhn(wrong), wrong).toBe(false);
  });

  it('catches any one mistyped digit and any swap of two unequal neighbours', () => {
    const good = '8944000000000000019';
    expect(passesLuhn(good)).toBe(true);
    for (let i = 0; i < good.length; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === good[i]) continue;
        const typo = good.slice(0, i) + d + good.slice(i + 1);
        expect(passesLuhn(typo), typo).toBe(false);
      }
    }
    const swapped = '8494000000000000019';
    expect(passesLuhn(swapped)).toBe(false);
  });
});

describe('ICCIDs', () => {
  it('completes an 18-digit body to a valid ICCID', () => {
    const iccid = iccidWithCheckDigit('894400000000000001');
    expect(iccid).toBe('8944000000000000019');
    expect(isIccid(iccid)).toBe(true);
  });

  it('refuses the wrong length, a non-telecom prefix, non-digits and a wrong check digit', () => {
    const body = '894400000000000001';
    const check = String(luhnCheckDigit(body));
    expect(isIccid(body + check)).toBe(true);
    expect(isIccid(body)).toBe(false); // 18 digits
    expect(isIccid(`${body}${check}0`)).toBe(false); // 20 digits
    expect(isIccid(`${body}${(Number(check) + 1) % 10}`)).toBe(false);
    const notTelecom = iccidWithCheckDigit('794400000000000001');
    expect(passesLuhn(notTelecom)).toBe(true);
    expect(isIccid(notTelecom)).toBe(false);
    expect(isIccid(`89440000000000000x${check}`)).toBe(false);
    expect(isIccid(` ${body}${check}`)).toBe(false);
  });
});

describe('MSISDNs and activation codes', () => {
  it('drops the leading + of an MSISDN only', () => {
    expect(normalizeMsisdn('+447700900001')).toBe('447700900001');
    expect(normalizeMsisdn('447700900001')).toBe('447700900001');
  });

  it('writes LPA:1$address$matching-id, or nothing without both parts', () => {
    expect(activationCode('smdp.example.com', 'ABC-123')).toBe('LPA:1$smdp.example.com$ABC-123');
    expect(activationCode(null, 'ABC-123')).toBeNull();
    expect(activationCode('smdp.example.com', null)).toBeNull();
  });
});
