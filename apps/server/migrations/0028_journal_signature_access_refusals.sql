CREATE TABLE "access_refusals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"actor_key" text NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_id" text,
	"rule" text NOT NULL,
	"status" integer NOT NULL,
	"subject_type" text NOT NULL,
	"subject_ids" jsonb NOT NULL,
	"route" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"first_at" timestamp with time zone NOT NULL,
	"last_at" timestamp with time zone NOT NULL,
	"count" integer NOT NULL,
	"ledger_seq" bigint,
	"sealed_seq" bigint
);
--> statement-breakpoint
ALTER TABLE "journal_entries" ADD COLUMN "signature_carried_from" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "access_refusals_window" ON "access_refusals" USING btree ("organisation_id","actor_key","rule","subject_type","window_start");--> statement-breakpoint
CREATE INDEX "access_refusals_org_time" ON "access_refusals" USING btree ("organisation_id","last_at");--> statement-breakpoint
-- R444-9: where a correction's signature came from is written once with the entry, like the issue columns.
CREATE OR REPLACE FUNCTION baqylau_journal_entry_write_once() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'baqylau: journal entries cannot be deleted (R444-9)' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF (NEW.id, NEW.organisation_id, NEW.journal_id, NEW.number, NEW.recorder_id, NEW.inventory_number, NEW.inspector_id,
      NEW.inspector_name, NEW.activity_id, NEW.issued_at, NEW.issued_by, NEW.issued_by_name, NEW.signature_method,
      NEW.battery_percent, NEW.clock_confirmed, NEW.clock_offset_seconds, NEW.note, NEW.corrects_entry_id,
      NEW.signature_carried_from)
     IS DISTINCT FROM
     (OLD.id, OLD.organisation_id, OLD.journal_id, OLD.number, OLD.recorder_id, OLD.inventory_number, OLD.inspector_id,
      OLD.inspector_name, OLD.activity_id, OLD.issued_at, OLD.issued_by, OLD.issued_by_name, OLD.signature_method,
      OLD.battery_percent, OLD.clock_confirmed, OLD.clock_offset_seconds, OLD.note, OLD.corrects_entry_id,
      OLD.signature_carried_from)
     OR (OLD.inspector_signed_at IS NOT NULL AND NEW.inspector_signed_at IS DISTINCT FROM OLD.inspector_signed_at)
     OR (OLD.returned_at IS NOT NULL AND (NEW.returned_at, NEW.return_received_by, NEW.return_received_by_name, NEW.return_condition, NEW.return_note)
         IS DISTINCT FROM (OLD.returned_at, OLD.return_received_by, OLD.return_received_by_name, OLD.return_condition, OLD.return_note))
     OR (OLD.struck_at IS NOT NULL AND (NEW.struck_at, NEW.struck_by, NEW.struck_by_name, NEW.strike_reason)
         IS DISTINCT FROM (OLD.struck_at, OLD.struck_by, OLD.struck_by_name, OLD.strike_reason)) THEN
    RAISE EXCEPTION 'baqylau: journal entry % may only be completed, never changed (R444-9)', OLD.number
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
