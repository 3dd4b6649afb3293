CREATE TABLE "pc_training_reminders" (
	"record_id" uuid PRIMARY KEY NOT NULL,
	"sent_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "pc_training_reminders" ADD CONSTRAINT "pc_training_reminders_record_id_pc_training_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."pc_training_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- A reminder once sent is a fact: never changed, never removed.
CREATE TRIGGER pc_training_reminders_write_once BEFORE UPDATE OR DELETE ON pc_training_reminders FOR EACH ROW EXECUTE FUNCTION baqylau_refuse_change();
