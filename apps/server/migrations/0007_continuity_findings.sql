CREATE TABLE "continuity_findings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"journal_entry_id" uuid,
	"recording_id" uuid,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"details" jsonb NOT NULL,
	"detected_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "finding_annotations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"finding_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"note" text NOT NULL,
	"annotated_by" uuid NOT NULL,
	"annotated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "continuity_findings" ADD CONSTRAINT "continuity_findings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_annotations" ADD CONSTRAINT "finding_annotations_finding_id_continuity_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."continuity_findings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_annotations" ADD CONSTRAINT "finding_annotations_annotated_by_users_id_fk" FOREIGN KEY ("annotated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "continuity_findings_key" ON "continuity_findings" USING btree ("organisation_id","key");--> statement-breakpoint
CREATE INDEX "continuity_findings_entry" ON "continuity_findings" USING btree ("journal_entry_id");