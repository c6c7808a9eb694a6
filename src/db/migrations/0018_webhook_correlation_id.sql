-- A webhook delivery remembers the X-Correlation-ID of the request that caused its event
-- (a usage import, a Connect order), so that its attempts log under that id.
ALTER TABLE "webhook_deliveries" ADD COLUMN "correlation_id" text;
