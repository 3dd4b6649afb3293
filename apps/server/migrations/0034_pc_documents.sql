CREATE TABLE "pc_document_approvals" (
	"version_id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"approved_by" uuid NOT NULL,
	"approved_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pc_document_drafts" (
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"period" text NOT NULL,
	"texts" jsonb NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "pc_document_drafts_organisation_id_kind_period_pk" PRIMARY KEY("organisation_id","kind","period")
);
--> statement-breakpoint
CREATE TABLE "pc_document_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"period" text NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"content_sha256" text NOT NULL,
	"presented_by" uuid NOT NULL,
	"presented_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "pc_document_approvals" ADD CONSTRAINT "pc_document_approvals_version_id_pc_document_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."pc_document_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_document_approvals" ADD CONSTRAINT "pc_document_approvals_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_document_approvals" ADD CONSTRAINT "pc_document_approvals_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_document_drafts" ADD CONSTRAINT "pc_document_drafts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_document_drafts" ADD CONSTRAINT "pc_document_drafts_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_document_versions" ADD CONSTRAINT "pc_document_versions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_document_versions" ADD CONSTRAINT "pc_document_versions_presented_by_users_id_fk" FOREIGN KEY ("presented_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "pc_document_versions_org_kind_period_version" ON "pc_document_versions" USING btree ("organisation_id","kind","period","version");--> statement-breakpoint
-- R315-6, R315-26, R315-24: a presented version of a generated document and the first head's approval are records; neither changes nor goes.
CREATE TRIGGER pc_document_versions_write_once BEFORE UPDATE OR DELETE ON pc_document_versions FOR EACH ROW EXECUTE FUNCTION baqylau_refuse_change();
--> statement-breakpoint
CREATE TRIGGER pc_document_approvals_write_once BEFORE UPDATE OR DELETE ON pc_document_approvals FOR EACH ROW EXECUTE FUNCTION baqylau_refuse_change();
