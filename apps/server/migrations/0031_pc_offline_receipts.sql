CREATE TABLE "pc_inspection_acknowledgements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"inspection_id" uuid NOT NULL,
	"signer_name" text NOT NULL,
	"signer_position" text NOT NULL,
	"signature_sha256" text NOT NULL,
	"signature_mime" text NOT NULL,
	"signature_size" bigint NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pc_offline_receipts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"inspection_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"fingerprint" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"violation_id" uuid,
	"sha256" text,
	"device_id" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"received_by" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "pc_inspection_acknowledgements" ADD CONSTRAINT "pc_inspection_acknowledgements_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_inspection_acknowledgements" ADD CONSTRAINT "pc_inspection_acknowledgements_inspection_id_pc_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."pc_inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_inspection_acknowledgements" ADD CONSTRAINT "pc_inspection_acknowledgements_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_offline_receipts" ADD CONSTRAINT "pc_offline_receipts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_offline_receipts" ADD CONSTRAINT "pc_offline_receipts_inspection_id_pc_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."pc_inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_offline_receipts" ADD CONSTRAINT "pc_offline_receipts_received_by_users_id_fk" FOREIGN KEY ("received_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "pc_inspection_acknowledgements_inspection" ON "pc_inspection_acknowledgements" USING btree ("inspection_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pc_offline_receipts_client" ON "pc_offline_receipts" USING btree ("organisation_id","client_id");--> statement-breakpoint
CREATE INDEX "pc_offline_receipts_inspection" ON "pc_offline_receipts" USING btree ("inspection_id","received_at");--> statement-breakpoint
-- Receipts and the unit head's acknowledgements are evidence of what came from the field: write-once.
CREATE TRIGGER pc_offline_receipts_write_once BEFORE UPDATE OR DELETE ON pc_offline_receipts
  FOR EACH ROW EXECUTE FUNCTION baqylau_refuse_change();
--> statement-breakpoint
CREATE TRIGGER pc_inspection_acknowledgements_write_once BEFORE UPDATE OR DELETE ON pc_inspection_acknowledgements
  FOR EACH ROW EXECUTE FUNCTION baqylau_refuse_change();
