-- The operator's Idempotency-Keys (/operator): the operator belongs to no organization,
-- so its keys cannot go in idempotency_keys (keyed by organization and client). The body
-- is stored sealed: an answer may hold a secret (a new API client's).
CREATE TABLE "operator_idempotency_keys" (
	"key" text PRIMARY KEY NOT NULL,
	"route" text NOT NULL,
	"request_hash" text NOT NULL,
	"status_code" integer NOT NULL,
	"body" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
