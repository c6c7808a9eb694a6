// The parts of the `smpp` package (node-smpp, untyped) that cellhub uses.
declare module 'smpp' {
  import type { EventEmitter } from 'node:events';
  import type { Server as NetServer } from 'node:net';

  export interface Pdu {
    command: string;
    command_status: number;
    sequence_number: number;
    [field: string]: any;
    response(options?: Record<string, unknown>): Pdu;
    isResponse(): boolean;
  }

  export class Session extends EventEmitter {
    socket: import('node:net').Socket;
    send(pdu: Pdu, onResponse?: (pdu: Pdu) => void): boolean;
    close(callback?: () => void): void;
    destroy(callback?: () => void): void;
    bind_transceiver(options: Record<string, unknown>, onResponse?: (pdu: Pdu) => void): boolean;
    bind_transmitter(options: Record<string, unknown>, onResponse?: (pdu: Pdu) => void): boolean;
    submit_sm(options: Record<string, unknown>, onResponse?: (pdu: Pdu) => void): boolean;
    deliver_sm(options: Record<string, unknown>, onResponse?: (pdu: Pdu) => void): boolean;
    query_sm(options: Record<string, unknown>, onResponse?: (pdu: Pdu) => void): boolean;
    enquire_link(options?: Record<string, unknown>, onResponse?: (pdu: Pdu) => void): boolean;
    unbind(options?: Record<string, unknown>, onResponse?: (pdu: Pdu) => void): boolean;
  }

  export interface Server extends NetServer {
    sessions: Session[];
  }

  export function connect(options: Record<string, unknown>, onConnect?: () => void): Session;
  export function createServer(options: Record<string, unknown>, onSession: (session: Session) => void): Server;

  export const errors: Record<string, number>;
  export const gsmCoder: {
    GSM: { charRegex: RegExp };
    encode(text: string, shiftTable: number): Buffer;
    decode(bytes: Buffer, shiftTable: number): string;
  };

  const smpp: {
    connect: typeof connect;
    createServer: typeof createServer;
    errors: typeof errors;
    gsmCoder: typeof gsmCoder;
  } & Record<string, any>;
  export default smpp;
}
