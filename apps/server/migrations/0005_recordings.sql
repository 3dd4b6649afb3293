CREATE TABLE "dockings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"recorder_id" uuid NOT NULL,
	"docked_at" timestamp with time zone NOT NULL,
	"device_time" timestamp with time zone NOT NULL,
	"offset_seconds" integer NOT NULL,
	"source" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recordings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"recorder_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"size" bigint NOT NULL,
	"original_name" text NOT NULL,
	"file_sequence" integer,
	"device_started_at" timestamp with time zone NOT NULL,
	"clock_offset_seconds" integer NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ingested_at" timestamp with time zone NOT NULL,
	"upload_id" text NOT NULL,
	"state" text DEFAULT 'stored' NOT NULL,
	"duration_ms" integer,
	"probe" jsonb,
	"journal_entry_id" uuid,
	"attribution_reason" text
);
--> statement-breakpoint
ALTER TABLE "dockings" ADD CONSTRAINT "dockings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dockings" ADD CONSTRAINT "dockings_recorder_id_recorders_id_fk" FOREIGN KEY ("recorder_id") REFERENCES "public"."recorders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recordings" ADD CONSTRAINT "recordings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recordings" ADD CONSTRAINT "recordings_recorder_id_recorders_id_fk" FOREIGN KEY ("recorder_id") REFERENCES "public"."recorders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "recordings_upload" ON "recordings" USING btree ("upload_id");--> statement-breakpoint
CREATE INDEX "recordings_org_started" ON "recordings" USING btree ("organisation_id","started_at");--> statement-breakpoint
CREATE INDEX "recordings_entry" ON "recordings" USING btree ("journal_entry_id");--> statement-breakpoint
CREATE INDEX "recordings_sha" ON "recordings" USING btree ("sha256");