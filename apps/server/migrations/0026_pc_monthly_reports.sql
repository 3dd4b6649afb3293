CREATE TABLE "pc_monthly_report_approvals" (
	"report_id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"approved_by" uuid NOT NULL,
	"approved_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pc_monthly_reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"month" text NOT NULL,
	"version" integer NOT NULL,
	"figures" jsonb NOT NULL,
	"figures_sha256" text NOT NULL,
	"presented_by" uuid NOT NULL,
	"presented_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "pc_monthly_report_approvals" ADD CONSTRAINT "pc_monthly_report_approvals_report_id_pc_monthly_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."pc_monthly_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_monthly_report_approvals" ADD CONSTRAINT "pc_monthly_report_approvals_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_monthly_report_approvals" ADD CONSTRAINT "pc_monthly_report_approvals_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_monthly_reports" ADD CONSTRAINT "pc_monthly_reports_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_monthly_reports" ADD CONSTRAINT "pc_monthly_reports_presented_by_users_id_fk" FOREIGN KEY ("presented_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "pc_monthly_reports_org_month_version" ON "pc_monthly_reports" USING btree ("organisation_id","month","version");--> statement-breakpoint
-- R315-18, R315-24: a presented report and the head's approval are records; neither changes nor goes.
CREATE TRIGGER pc_monthly_reports_write_once BEFORE UPDATE OR DELETE ON pc_monthly_reports FOR EACH ROW EXECUTE FUNCTION baqylau_refuse_change();
--> statement-breakpoint
CREATE TRIGGER pc_monthly_report_approvals_write_once BEFORE UPDATE OR DELETE ON pc_monthly_report_approvals FOR EACH ROW EXECUTE FUNCTION baqylau_refuse_change();
