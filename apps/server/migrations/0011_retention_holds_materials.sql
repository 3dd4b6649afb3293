CREATE TABLE "deletion_acts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"number" text NOT NULL,
	"year" integer NOT NULL,
	"seq" integer NOT NULL,
	"executed_by" uuid NOT NULL,
	"executed_at" timestamp with time zone NOT NULL,
	"recording_count" integer NOT NULL,
	"total_bytes" bigint NOT NULL,
	"content_hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "legal_holds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"recording_id" uuid NOT NULL,
	"source" text NOT NULL,
	"package_id" uuid,
	"reason" text NOT NULL,
	"reference" text NOT NULL,
	"placed_by" uuid NOT NULL,
	"placed_at" timestamp with time zone NOT NULL,
	"lifted_by" uuid,
	"lifted_at" timestamp with time zone,
	"lift_reason" text
);
--> statement-breakpoint
CREATE TABLE "recording_deletions" (
	"recording_id" uuid PRIMARY KEY NOT NULL,
	"act_id" uuid NOT NULL,
	"activity_id" uuid,
	"retain_until" date NOT NULL,
	"deleted_by" uuid NOT NULL,
	"deleted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activity_materials" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"title" text NOT NULL,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"size" bigint NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "recordings" ADD COLUMN "retain_until" date;--> statement-breakpoint
ALTER TABLE "recordings" ADD COLUMN "retention_years" integer;--> statement-breakpoint
ALTER TABLE "recordings" ADD COLUMN "retention_covered_by_point12" boolean;--> statement-breakpoint
ALTER TABLE "recordings" ADD COLUMN "deleted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "deletion_acts" ADD CONSTRAINT "deletion_acts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deletion_acts" ADD CONSTRAINT "deletion_acts_executed_by_users_id_fk" FOREIGN KEY ("executed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_holds" ADD CONSTRAINT "legal_holds_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_holds" ADD CONSTRAINT "legal_holds_recording_id_recordings_id_fk" FOREIGN KEY ("recording_id") REFERENCES "public"."recordings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_holds" ADD CONSTRAINT "legal_holds_placed_by_users_id_fk" FOREIGN KEY ("placed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_holds" ADD CONSTRAINT "legal_holds_lifted_by_users_id_fk" FOREIGN KEY ("lifted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recording_deletions" ADD CONSTRAINT "recording_deletions_recording_id_recordings_id_fk" FOREIGN KEY ("recording_id") REFERENCES "public"."recordings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recording_deletions" ADD CONSTRAINT "recording_deletions_act_id_deletion_acts_id_fk" FOREIGN KEY ("act_id") REFERENCES "public"."deletion_acts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recording_deletions" ADD CONSTRAINT "recording_deletions_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_materials" ADD CONSTRAINT "activity_materials_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_materials" ADD CONSTRAINT "activity_materials_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_materials" ADD CONSTRAINT "activity_materials_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "deletion_acts_number" ON "deletion_acts" USING btree ("organisation_id","year","seq");--> statement-breakpoint
CREATE INDEX "legal_holds_active" ON "legal_holds" USING btree ("recording_id") WHERE lifted_at IS NULL;--> statement-breakpoint
CREATE INDEX "legal_holds_org" ON "legal_holds" USING btree ("organisation_id","placed_at");--> statement-breakpoint
CREATE INDEX "activity_materials_activity" ON "activity_materials" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "recordings_due" ON "recordings" USING btree ("retain_until","organisation_id") WHERE deleted_at IS NULL AND retain_until IS NOT NULL;