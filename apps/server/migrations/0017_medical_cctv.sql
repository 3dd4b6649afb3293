CREATE TABLE "cctv_places" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"parent_id" uuid,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"room_type" text,
	"unit" text DEFAULT '' NOT NULL,
	"plan_sha256" text,
	"plan_mime" text,
	"plan_size" bigint,
	"created_at" timestamp with time zone NOT NULL,
	"removed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "cctv_profiles" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"care_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cctv_cameras" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"number" text NOT NULL,
	"place_id" uuid NOT NULL,
	"placement" text NOT NULL,
	"coverage" text NOT NULL,
	"control_objects" text[] NOT NULL,
	"model" text DEFAULT '' NOT NULL,
	"sign_installed" boolean DEFAULT false NOT NULL,
	"sign_photo_sha256" text,
	"sign_photo_mime" text,
	"sign_photo_size" bigint,
	"installed_on" date NOT NULL,
	"removed_on" date,
	"plan_x" real,
	"plan_y" real,
	"rules_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cctv_consents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"form" text NOT NULL,
	"person_name" text NOT NULL,
	"represented_name" text DEFAULT '' NOT NULL,
	"employment_contract" text DEFAULT '' NOT NULL,
	"scope" text NOT NULL,
	"place_id" uuid NOT NULL,
	"document_sha256" text,
	"document_name" text,
	"document_mime" text,
	"document_size" bigint,
	"given_on" date NOT NULL,
	"withdrawn_on" date,
	"withdrawal_note" text,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cctv_access_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"number" text NOT NULL,
	"received_on" date NOT NULL,
	"applicant_name" text NOT NULL,
	"applicant_iin" text NOT NULL,
	"applicant_contact" text DEFAULT '' NOT NULL,
	"relationship" text NOT NULL,
	"patient_name" text NOT NULL,
	"patient_iin" text NOT NULL,
	"date_of_death" date NOT NULL,
	"period_from" timestamp with time zone NOT NULL,
	"period_to" timestamp with time zone NOT NULL,
	"place_ids" uuid[] NOT NULL,
	"state" text NOT NULL,
	"hold_instruction" text NOT NULL,
	"hold_confirmed_at" timestamp with time zone,
	"hold_confirmed_by" text,
	"decision_reason" text,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"provided_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cctv_request_files" (
	"id" uuid PRIMARY KEY NOT NULL,
	"request_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"mime" text NOT NULL,
	"sha256" text NOT NULL,
	"size" bigint NOT NULL,
	"seq" integer NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cctv_places" ADD CONSTRAINT "cctv_places_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cctv_places" ADD CONSTRAINT "cctv_places_parent_id_cctv_places_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."cctv_places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cctv_profiles" ADD CONSTRAINT "cctv_profiles_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cctv_cameras" ADD CONSTRAINT "cctv_cameras_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cctv_cameras" ADD CONSTRAINT "cctv_cameras_place_id_cctv_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."cctv_places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cctv_consents" ADD CONSTRAINT "cctv_consents_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cctv_consents" ADD CONSTRAINT "cctv_consents_place_id_cctv_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."cctv_places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cctv_consents" ADD CONSTRAINT "cctv_consents_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cctv_access_requests" ADD CONSTRAINT "cctv_access_requests_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cctv_access_requests" ADD CONSTRAINT "cctv_access_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cctv_request_files" ADD CONSTRAINT "cctv_request_files_request_id_cctv_access_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."cctv_access_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cctv_request_files" ADD CONSTRAINT "cctv_request_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cctv_places_org_parent" ON "cctv_places" USING btree ("organisation_id","parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cctv_cameras_org_number" ON "cctv_cameras" USING btree ("organisation_id","number");--> statement-breakpoint
CREATE INDEX "cctv_cameras_place" ON "cctv_cameras" USING btree ("place_id");--> statement-breakpoint
CREATE INDEX "cctv_consents_place" ON "cctv_consents" USING btree ("place_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cctv_access_requests_org_number" ON "cctv_access_requests" USING btree ("organisation_id","number");--> statement-breakpoint
CREATE INDEX "cctv_access_requests_org_state" ON "cctv_access_requests" USING btree ("organisation_id","state");
--> statement-breakpoint
-- DSM-335 records are closed, withdrawn or removed, never deleted (the register's history is the evidence).
CREATE TRIGGER cctv_cameras_no_delete BEFORE DELETE ON cctv_cameras FOR EACH ROW EXECUTE FUNCTION baqylau_refuse_change();
--> statement-breakpoint
CREATE TRIGGER cctv_places_no_delete BEFORE DELETE ON cctv_places FOR EACH ROW EXECUTE FUNCTION baqylau_refuse_change();
--> statement-breakpoint
CREATE TRIGGER cctv_consents_no_delete BEFORE DELETE ON cctv_consents FOR EACH ROW EXECUTE FUNCTION baqylau_refuse_change();
--> statement-breakpoint
CREATE TRIGGER cctv_access_requests_no_delete BEFORE DELETE ON cctv_access_requests FOR EACH ROW EXECUTE FUNCTION baqylau_refuse_change();
--> statement-breakpoint
-- Handed-over clips and proof documents are write-once.
CREATE TRIGGER cctv_request_files_write_once BEFORE UPDATE OR DELETE ON cctv_request_files FOR EACH ROW EXECUTE FUNCTION baqylau_refuse_change();
