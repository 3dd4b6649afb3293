CREATE TABLE "evidence_package_items" (
	"package_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"recording_id" uuid,
	"material_id" uuid,
	"excerpt_from_seconds" integer,
	"excerpt_to_seconds" integer
);
--> statement-breakpoint
CREATE TABLE "evidence_package_links" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"package_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"used_count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evidence_packages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"number" text NOT NULL,
	"year" integer NOT NULL,
	"seq" integer NOT NULL,
	"recipient_kind" text NOT NULL,
	"recipient_name" text NOT NULL,
	"case_number" text NOT NULL,
	"purpose" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_by_role" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"state" text DEFAULT 'building' NOT NULL,
	"bytes_done" bigint DEFAULT 0 NOT NULL,
	"bytes_total" bigint DEFAULT 0 NOT NULL,
	"error" jsonb,
	"manifest_sha256" text,
	"manifest_size" bigint,
	"manifest_signature" text,
	"verify_html_sha256" text,
	"verify_html_size" bigint,
	"built_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "evidence_package_items" ADD CONSTRAINT "evidence_package_items_package_id_evidence_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."evidence_packages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_package_items" ADD CONSTRAINT "evidence_package_items_recording_id_recordings_id_fk" FOREIGN KEY ("recording_id") REFERENCES "public"."recordings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_package_items" ADD CONSTRAINT "evidence_package_items_material_id_activity_materials_id_fk" FOREIGN KEY ("material_id") REFERENCES "public"."activity_materials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_package_links" ADD CONSTRAINT "evidence_package_links_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_package_links" ADD CONSTRAINT "evidence_package_links_package_id_evidence_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."evidence_packages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_package_links" ADD CONSTRAINT "evidence_package_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_packages" ADD CONSTRAINT "evidence_packages_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_packages" ADD CONSTRAINT "evidence_packages_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "evidence_package_items_position" ON "evidence_package_items" USING btree ("package_id","kind","position");--> statement-breakpoint
CREATE UNIQUE INDEX "evidence_package_links_token" ON "evidence_package_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "evidence_package_links_package" ON "evidence_package_links" USING btree ("package_id");--> statement-breakpoint
CREATE UNIQUE INDEX "evidence_packages_number" ON "evidence_packages" USING btree ("organisation_id","year","seq");--> statement-breakpoint
CREATE INDEX "evidence_packages_org_created" ON "evidence_packages" USING btree ("organisation_id","created_at");--> statement-breakpoint
-- R444-14: a package's request (number, recipient, case, purpose, author) is fixed at creation; the build
-- may only fill in progress and the signed result, and once ready or failed the row never changes again.
CREATE OR REPLACE FUNCTION baqylau_evidence_package_guard() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'baqylau: evidence package % is never deleted (R444-14)', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.state <> 'building'
     OR (NEW.id, NEW.organisation_id, NEW.number, NEW.year, NEW.seq, NEW.recipient_kind, NEW.recipient_name, NEW.case_number,
         NEW.purpose, NEW.created_by, NEW.created_by_role, NEW.created_at)
        IS DISTINCT FROM
        (OLD.id, OLD.organisation_id, OLD.number, OLD.year, OLD.seq, OLD.recipient_kind, OLD.recipient_name, OLD.case_number,
         OLD.purpose, OLD.created_by, OLD.created_by_role, OLD.created_at) THEN
    RAISE EXCEPTION 'baqylau: evidence package % is write-once (R444-14)', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER evidence_packages_guard BEFORE UPDATE OR DELETE ON evidence_packages
  FOR EACH ROW EXECUTE FUNCTION baqylau_evidence_package_guard();
--> statement-breakpoint
CREATE TRIGGER evidence_package_items_append_only BEFORE UPDATE OR DELETE ON evidence_package_items
  FOR EACH ROW EXECUTE FUNCTION baqylau_append_only();
--> statement-breakpoint
-- A download link is never removed or extended; only its use count goes up.
CREATE OR REPLACE FUNCTION baqylau_evidence_package_link_guard() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE'
     OR (NEW.id, NEW.organisation_id, NEW.package_id, NEW.token_hash, NEW.expires_at, NEW.created_by, NEW.created_at)
        IS DISTINCT FROM
        (OLD.id, OLD.organisation_id, OLD.package_id, OLD.token_hash, OLD.expires_at, OLD.created_by, OLD.created_at)
     OR NEW.used_count < OLD.used_count THEN
    RAISE EXCEPTION 'baqylau: package download link % only counts its uses (R444-21)', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER evidence_package_links_guard BEFORE UPDATE OR DELETE ON evidence_package_links
  FOR EACH ROW EXECUTE FUNCTION baqylau_evidence_package_link_guard();
