CREATE TABLE "pc_notice_acknowledgements" (
	"notice_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"acknowledged_at" timestamp with time zone NOT NULL,
	CONSTRAINT "pc_notice_acknowledgements_notice_id_user_id_pk" PRIMARY KEY("notice_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "pc_notice_addressees" (
	"notice_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	CONSTRAINT "pc_notice_addressees_notice_id_user_id_pk" PRIMARY KEY("notice_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "pc_notice_reminders" (
	"notice_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"reminded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "pc_notice_reminders_notice_id_user_id_pk" PRIMARY KEY("notice_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "pc_notices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"language" text NOT NULL,
	"addressees" jsonb NOT NULL,
	"acknowledge_within_days" integer NOT NULL,
	"supersedes_id" uuid,
	"analysis_id" uuid,
	"document_sha256" text,
	"document_mime" text,
	"document_size" bigint,
	"document_name" text,
	"author_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "pc_annual_analyses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"version" integer NOT NULL,
	"figures" jsonb NOT NULL,
	"directions" jsonb NOT NULL,
	"sha256" text NOT NULL,
	"presented_by" uuid NOT NULL,
	"presented_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pc_annual_analysis_approvals" (
	"analysis_id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"approved_by" uuid NOT NULL,
	"approved_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pc_indicator_definitions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"code" text NOT NULL,
	"version" integer NOT NULL,
	"name_kk" text NOT NULL,
	"name_ru" text NOT NULL,
	"name_en" text NOT NULL,
	"formula" text NOT NULL,
	"target" double precision NOT NULL,
	"direction" text NOT NULL,
	"active" boolean NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "pc_notice_acknowledgements" ADD CONSTRAINT "pc_notice_acknowledgements_notice_id_pc_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."pc_notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_notice_acknowledgements" ADD CONSTRAINT "pc_notice_acknowledgements_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_notice_acknowledgements" ADD CONSTRAINT "pc_notice_acknowledgements_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_notice_addressees" ADD CONSTRAINT "pc_notice_addressees_notice_id_pc_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."pc_notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_notice_addressees" ADD CONSTRAINT "pc_notice_addressees_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_notice_addressees" ADD CONSTRAINT "pc_notice_addressees_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_notice_reminders" ADD CONSTRAINT "pc_notice_reminders_notice_id_pc_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."pc_notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_notice_reminders" ADD CONSTRAINT "pc_notice_reminders_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_notices" ADD CONSTRAINT "pc_notices_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_notices" ADD CONSTRAINT "pc_notices_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_annual_analyses" ADD CONSTRAINT "pc_annual_analyses_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_annual_analyses" ADD CONSTRAINT "pc_annual_analyses_presented_by_users_id_fk" FOREIGN KEY ("presented_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_annual_analysis_approvals" ADD CONSTRAINT "pc_annual_analysis_approvals_analysis_id_pc_annual_analyses_id_fk" FOREIGN KEY ("analysis_id") REFERENCES "public"."pc_annual_analyses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_annual_analysis_approvals" ADD CONSTRAINT "pc_annual_analysis_approvals_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_annual_analysis_approvals" ADD CONSTRAINT "pc_annual_analysis_approvals_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_indicator_definitions" ADD CONSTRAINT "pc_indicator_definitions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_indicator_definitions" ADD CONSTRAINT "pc_indicator_definitions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pc_notice_addressees_user" ON "pc_notice_addressees" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "pc_notices_org" ON "pc_notices" USING btree ("organisation_id","published_at");--> statement-breakpoint
CREATE UNIQUE INDEX "pc_notices_supersedes" ON "pc_notices" USING btree ("supersedes_id") WHERE published_at IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "pc_annual_analyses_org_year_version" ON "pc_annual_analyses" USING btree ("organisation_id","year","version");--> statement-breakpoint
CREATE UNIQUE INDEX "pc_indicator_definitions_version" ON "pc_indicator_definitions" USING btree ("organisation_id","code","version");--> statement-breakpoint
CREATE FUNCTION pc_notice_published_never_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.published_at IS NOT NULL THEN
    RAISE EXCEPTION 'baqylau: a published notice never changes (Order 315, points 4 and 20)' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER pc_notices_published_write_once BEFORE UPDATE OR DELETE ON pc_notices FOR EACH ROW EXECUTE FUNCTION pc_notice_published_never_changes();
--> statement-breakpoint
CREATE TRIGGER pc_notice_addressees_write_once BEFORE UPDATE OR DELETE ON pc_notice_addressees FOR EACH ROW EXECUTE FUNCTION baqylau_refuse_change();
--> statement-breakpoint
CREATE TRIGGER pc_notice_acknowledgements_write_once BEFORE UPDATE OR DELETE ON pc_notice_acknowledgements FOR EACH ROW EXECUTE FUNCTION baqylau_refuse_change();
--> statement-breakpoint
CREATE TRIGGER pc_notice_reminders_write_once BEFORE UPDATE OR DELETE ON pc_notice_reminders FOR EACH ROW EXECUTE FUNCTION baqylau_refuse_change();
--> statement-breakpoint
CREATE TRIGGER pc_indicator_definitions_write_once BEFORE UPDATE OR DELETE ON pc_indicator_definitions FOR EACH ROW EXECUTE FUNCTION baqylau_refuse_change();
--> statement-breakpoint
CREATE TRIGGER pc_annual_analyses_write_once BEFORE UPDATE OR DELETE ON pc_annual_analyses FOR EACH ROW EXECUTE FUNCTION baqylau_refuse_change();
--> statement-breakpoint
CREATE TRIGGER pc_annual_analysis_approvals_write_once BEFORE UPDATE OR DELETE ON pc_annual_analysis_approvals FOR EACH ROW EXECUTE FUNCTION baqylau_refuse_change();
