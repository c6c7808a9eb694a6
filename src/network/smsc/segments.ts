// How a text travels as SMS (3GPP TS 23.038 and 23.040): in the GSM 7-bit default
// alphabet when every character is in it (characters of the extension table take two
// septets), else in UCS-2. A text longer than one message is cut into concatenated
// parts, each starting with a user data header (UDH) naming the reference, the count
// and the part's number, so the handset joins them again.
import smpp from 'smpp';

export type SmsEncoding = 'gsm7' | 'ucs2';

/** SMPP data_coding: 0 is the SMSC default alphabet (GSM 7-bit), 8 is UCS-2. */
export const DATA_CODING: Record<SmsEncoding, number> = { gsm7: 0x00, ucs2: 0x08 };

/** esm_class bit telling the SMSC that short_message starts with a UDH. */
export const ESM_CLASS_UDHI = 0x40;

const SINGLE = { gsm7: 160, ucs2: 140 }; // septets or octets in one message
const CONCATENATED = { gsm7: 153, ucs2: 134 }; // room left beside the 6-octet UDH
const ESCAPE = 0x1b;

export interface SmsPart {
  /** short_message: the UDH (when concatenated) then the encoded text. */
  payload: Buffer;
  dataCoding: number;
  esmClass: number;
}

export const encodingOf = (text: string): SmsEncoding => (smpp.gsmCoder.GSM.charRegex.test(text) ? 'gsm7' : 'ucs2');

/** GSM: one septet per byte (unpacked, as SMPP carries it). UCS-2: big-endian UTF-16. */
function encode(text: string, encoding: SmsEncoding): Buffer {
  if (encoding === 'gsm7') return smpp.gsmCoder.encode(text, 0x00);
  const bytes = Buffer.from(text, 'utf16le');
  return bytes.swap16();
}

/** Cuts the encoded text into chunks that fit a part, never splitting an escape or a surrogate pair. */
function chunks(bytes: Buffer, encoding: SmsEncoding): Buffer[] {
  if (bytes.length <= SINGLE[encoding]) return [bytes];
  const size = CONCATENATED[encoding];
  const out: Buffer[] = [];
  for (let start = 0; start < bytes.length;) {
    let end = Math.min(start + size, bytes.length);
    if (end < bytes.length && splitsCharacter(bytes, end, encoding)) end -= encoding === 'gsm7' ? 1 : 2;
    out.push(bytes.subarray(start, end));
    start = end;
  }
  return out;
}

function splitsCharacter(bytes: Buffer, end: number, encoding: SmsEncoding): boolean {
  if (encoding === 'gsm7') return bytes[end - 1] === ESCAPE;
  const lastUnit = bytes.readUInt16BE(end - 2);
  return lastUnit >= 0xd800 && lastUnit <= 0xdbff; // a high surrogate: its pair is in the next unit
}

/** The number of parts the text takes (each is sent, and charged, as one SMS). */
export function countParts(text: string): { encoding: SmsEncoding; parts: number } {
  const encoding = encodingOf(text);
  return { encoding, parts: chunks(encode(text, encoding), encoding).length };
}

/** The parts to submit for the text; `reference` (0 to 255) ties concatenated parts together. */
export function segment(text: string, reference: number): SmsPart[] {
  const encoding = encodingOf(text);
  const pieces = chunks(encode(text, encoding), encoding);
  const dataCoding = DATA_CODING[encoding];
  if (pieces.length === 1) return [{ payload: pieces[0], dataCoding, esmClass: 0 }];
  return pieces.map((piece, i) => ({
    // IEI 0x00: concatenated short messages, 8-bit reference.
    payload: Buffer.concat([Buffer.from([0x05, 0x00, 0x03, reference & 0xff, pieces.length, i + 1]), piece]),
    dataCoding,
    esmClass: ESM_CLASS_UDHI,
  }));
}

/** The text of parts as a receiver sees them: UDH removed, decoded, joined in order. */
export function reassemble(parts: SmsPart[]): string {
  return parts
    .map((part) => {
      const body = part.esmClass & ESM_CLASS_UDHI ? part.payload.subarray(part.payload[0] + 1) : part.payload;
      return part.dataCoding === DATA_CODING.ucs2 ? Buffer.from(body).swap16().toString('utf16le') : smpp.gsmCoder.decode(body, 0x00);
    })
    .join('');
}
