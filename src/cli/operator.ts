// The one seam between the CLI's operator commands and where their work is done. Two
// implementations: in this process over the domain services (local-operator.ts), or over
// HTTP through a running server's /operator API (remote-operator.ts), used when that
// server holds the embedded database. Inputs and answers are the operator API's JSON, so
// a command prints the same whichever does the work.
import type { IngestResult } from '../domain/usage/ingest.service.ts';
import type {
  accountJson,
  clientJson,
  connectSettingsJson,
  customerJson,
  deliveryJson,
  exchangeRateJson,
  mailJson,
  offeringJson,
  orderJson,
  organizationJson,
  poolJson,
  templateJson,
  webhookEventJson,
} from '../operator/representations.ts';
import type { DemoJson } from '../demo/demo-json.ts';
import type { personJson } from '../console/representations.ts';
import type { OfferingBody } from '../operator/offering-body.ts';

export type OrganizationJson = ReturnType<typeof organizationJson>;
export type ClientJson = ReturnType<typeof clientJson>;
export type CustomerJson = ReturnType<typeof customerJson>;
export type AccountJson = ReturnType<typeof accountJson>;
export type OfferingJson = ReturnType<typeof offeringJson>;
export type TemplateJson = ReturnType<typeof templateJson>;
export type PoolJson = ReturnType<typeof poolJson>;
export type OrderJson = ReturnType<typeof orderJson>;
export type MailJson = ReturnType<typeof mailJson>;
export type DeliveryJson = ReturnType<typeof deliveryJson>;
export type ConnectSettingsJson = ReturnType<typeof connectSettingsJson>;
export type ExchangeRateJson = ReturnType<typeof exchangeRateJson>;
export type WebhookEventJson = ReturnType<typeof webhookEventJson>;
export type PersonJson = ReturnType<typeof personJson>;

/** One answer of following an organization's webhook events. */
export interface WebhookEvents {
  items: WebhookEventJson[];
  next_cursor: string;
}

/** The operator's work could not reach where it is done (a server not answering): worth trying again. */
export class OperatorUnreachable extends Error {}

export interface TemplateBody {
  description: string;
  offering_ids: string[];
  number_pool_id?: string;
  services?: string[];
}

/** An active subscription's primary number, for generated traffic. */
export interface Line {
  msisdn: string;
  home_country: string;
}

export interface Operator {
  /** Where the work is done, for messages: "in-process" or the server's URL. */
  readonly where: string;

  demo(): Promise<DemoJson>;

  createOrganization(body: { name: string; licences: string[] }): Promise<OrganizationJson>;
  listOrganizations(): Promise<OrganizationJson[]>;
  setLicences(org: string, licences: string[]): Promise<OrganizationJson>;

  createClient(org: string, body: { name: string; family: string; role?: string; licences?: string[] }): Promise<ClientJson & { client_secret: string }>;
  listClients(org: string): Promise<ClientJson[]>;
  disableClient(org: string, clientId: string): Promise<void>;
  /** A new secret for an enabled client, shown only in this answer; the old one stops working. */
  rotateClientSecret(org: string, clientId: string): Promise<ClientJson & { client_secret: string }>;

  listCustomers(org: string): Promise<CustomerJson[]>;

  /** Invites a console person: the one-time link goes by mail (the outbox without SMTP). */
  invitePerson(body: { email: string; name: string; role: string; organization_id?: string; family?: string }): Promise<PersonJson>;
  /** `organization_id`: one organization's members, or "operator" for the staff. */
  listPeople(query: { organization_id?: string; limit: number }): Promise<PersonJson[]>;
  /** A Connect reseller's settings, after changing those given. */
  connectSettings(org: string, changes?: { topup_requires_country_code?: boolean }): Promise<ConnectSettingsJson>;

  listExchangeRates(): Promise<ExchangeRateJson[]>;
  setExchangeRate(from: string, to: string, rate: number): Promise<ExchangeRateJson>;
  removeExchangeRate(from: string, to: string): Promise<void>;

  createAccount(org: string, body: { name: string; country: string; reference_code?: string }): Promise<AccountJson>;
  listAccounts(org: string): Promise<AccountJson[]>;
  createOffering(org: string, body: OfferingBody): Promise<OfferingJson>;
  listOfferings(org: string): Promise<OfferingJson[]>;
  createTemplate(org: string, body: TemplateBody): Promise<TemplateJson>;
  listTemplates(org: string): Promise<TemplateJson[]>;

  importSims(simType: string, iccids: string[]): Promise<{ imported: number; duplicates: number }>;
  simEvent(iccid: string, body: { event: string; eid?: string }): Promise<unknown>;
  simSummary(): Promise<{ sim_type: string; state: string; count: number }[]>;
  createPool(body: { name: string; country: string }): Promise<PoolJson>;
  importNumbers(pool: string, msisdns: string[]): Promise<{ imported: number; duplicates: number }>;
  listPools(): Promise<PoolJson[]>;

  addSender(org: string, msisdn: string): Promise<{ msisdn: string; added: boolean }>;
  removeSender(org: string, msisdn: string): Promise<void>;
  listSenders(org: string): Promise<{ msisdn: string; created_at: string }[]>;

  listOrders(query: { status?: string; organization_id?: string; limit: number }): Promise<OrderJson[]>;
  retryOrder(id: string): Promise<OrderJson>;
  listMail(query: { state?: string; limit: number }): Promise<MailJson[]>;
  /** One mail with its body and attachments (base64). */
  showMail(id: string): Promise<MailJson>;

  listDeliveries(query: { status?: string; organization_id?: string; limit: number }): Promise<DeliveryJson[]>;
  showDelivery(id: string): Promise<DeliveryJson>;
  redeliver(id: string): Promise<DeliveryJson>;
  webhookSecret(org: string, rotate: boolean): Promise<{ secret: string }>;
  /**
   * The organization's webhook events made after `after`, oldest first, waiting up to
   * `wait` seconds for one; without `after`, none and the cursor of now.
   */
  webhookEvents(org: string, query: { after?: string; wait?: number; limit?: number }, signal?: AbortSignal): Promise<WebhookEvents>;

  advanceSandbox(org: string, seconds: number): Promise<unknown>;
  rotateSigningKey(): Promise<{ kid: string }>;

  /** Rates one batch of usage records (at most MAX_BATCH). */
  ingestUsage(records: unknown[]): Promise<IngestResult>;
  activeLines(org?: string): Promise<Line[]>;

  close(): Promise<void>;
}

/** Most records one ingest call takes (the operator API's MAX_BATCH). */
export const INGEST_BATCH = 5_000;
