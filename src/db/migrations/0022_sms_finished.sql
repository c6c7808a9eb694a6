-- An SMS remembers when its last recipient settled: its sms.finished event is written once, then.
ALTER TABLE "sms_messages" ADD COLUMN "finished_at" timestamp with time zone;