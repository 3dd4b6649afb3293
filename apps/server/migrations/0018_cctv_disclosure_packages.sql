CREATE TABLE "cctv_disclosure_packages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"number" text NOT NULL,
	"seq" integer NOT NULL,
	"clips" integer NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"manifest_sha256" text NOT NULL,
	"manifest_size" bigint NOT NULL,
	"manifest_signature" text NOT NULL,
	"verify_html_sha256" text NOT NULL,
	"verify_html_size" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cctv_disclosure_packages" ADD CONSTRAINT "cctv_disclosure_packages_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cctv_disclosure_packages" ADD CONSTRAINT "cctv_disclosure_packages_request_id_cctv_access_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."cctv_access_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cctv_disclosure_packages" ADD CONSTRAINT "cctv_disclosure_packages_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cctv_disclosure_packages_request_seq" ON "cctv_disclosure_packages" USING btree ("request_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "cctv_disclosure_packages_org_number" ON "cctv_disclosure_packages" USING btree ("organisation_id","number");--> statement-breakpoint
-- R335-3: a disclosure package is sealed once (its manifest is signed); the row never changes and is never deleted.
CREATE TRIGGER cctv_disclosure_packages_write_once BEFORE UPDATE OR DELETE ON cctv_disclosure_packages FOR EACH ROW EXECUTE FUNCTION baqylau_refuse_change();
