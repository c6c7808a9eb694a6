// The operator API's answers. Its OpenAPI operations declare requests and errors but no
// success bodies (their 200s are unschematized), so the SDK types paths and bodies while
// these shapes are written after src/operator/representations.ts. Typing the operator
// routes' responses in the server would let these go.
export interface List<T> {
  items: T[];
  next_cursor: string | null;
}

export interface OrganizationJson {
  id: string;
  name: string;
  licences: string[];
  created_at: string;
}

export interface ClientJson {
  client_id: string;
  organization_id: string;
  name: string;
  family: 'enterprise' | 'connect';
  role: string | null;
  licences: string[];
  disabled: boolean;
  created_at: string;
  client_secret?: string;
}

export interface OfferingJson {
  id: string;
  type: string;
  name: string;
  description: string | null;
  data_bytes: number | null;
  voice_seconds: number | null;
  sms_count: number | null;
  validity_days: number | null;
  price: string | number | null;
  currency: string | null;
  footprint: string[] | null;
}

export interface TemplateJson {
  id: string;
  type: string;
  description: string;
  number_pool_id: string | null;
  services: unknown;
  offerings: { id: string; type: string; name: string }[];
}

export interface SimJson {
  iccid: string;
  sim_type: string;
  state: string;
  organization_id: string | null;
}

export interface OrderJson {
  id: string;
  organization_id: string;
  account_id: string | null;
  type: string;
  status: string;
  stage: string;
  subscription_id: string | null;
  failure_reason: string | null;
  request: unknown;
  result: unknown;
  correlation_id: string | null;
  created_at: string;
  completed_at: string | null;
}

export interface MailJson {
  id: string;
  organization_id: string | null;
  order_id: string | null;
  state: string;
  to: string[];
  cc: string[];
  subject: string;
  message_id: string | null;
  created_at: string;
  sent_at: string | null;
  text?: string;
  html?: string | null;
  attachments?: { filename: string; content_type: string; size: number; base64: string }[];
}

export interface DeliveryJson {
  id: string;
  organization_id: string;
  url: string;
  event_type: string;
  payload: unknown;
  status: string;
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
  attempt_log?: { attempt: number; at: string; status_code: number | null; error: string | null; duration_ms: number | null }[];
}

/** An operator call's answer, as the shape above that the route answers. */
export async function answer<T>(call: Promise<unknown>): Promise<T> {
  return (await call) as T;
}
