CREATE TABLE "competition_stage_one_results" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"year_id" uuid NOT NULL,
	"commission_id" uuid NOT NULL,
	"member_organisation_id" uuid NOT NULL,
	"group" integer NOT NULL,
	"application_id" uuid NOT NULL,
	"total" integer NOT NULL,
	"tied_with" uuid[] NOT NULL,
	"reason" text NOT NULL,
	"decided_by" uuid NOT NULL,
	"decided_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
DROP INDEX "competition_applications_one_per_group";--> statement-breakpoint
ALTER TABLE "competition_applications" ADD COLUMN "stage_one_entered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "competition_applications" ADD COLUMN "stage_one_entered_by" uuid;--> statement-breakpoint
ALTER TABLE "competition_commission_members" ADD COLUMN "seq" bigserial NOT NULL;--> statement-breakpoint
ALTER TABLE "competition_commissions" ADD COLUMN "stage" text GENERATED ALWAYS AS (CASE WHEN level = 'regional' THEN 'I' ELSE 'II' END) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "competition_stage_one_results" ADD CONSTRAINT "competition_stage_one_results_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_stage_one_results" ADD CONSTRAINT "competition_stage_one_results_year_id_competition_years_id_fk" FOREIGN KEY ("year_id") REFERENCES "public"."competition_years"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_stage_one_results" ADD CONSTRAINT "competition_stage_one_results_commission_id_competition_commissions_id_fk" FOREIGN KEY ("commission_id") REFERENCES "public"."competition_commissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_stage_one_results" ADD CONSTRAINT "competition_stage_one_results_member_organisation_id_competition_member_organisations_id_fk" FOREIGN KEY ("member_organisation_id") REFERENCES "public"."competition_member_organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_stage_one_results" ADD CONSTRAINT "competition_stage_one_results_application_id_competition_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."competition_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_stage_one_results" ADD CONSTRAINT "competition_stage_one_results_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "competition_stage_one_results_year" ON "competition_stage_one_results" USING btree ("year_id","member_organisation_id");--> statement-breakpoint
ALTER TABLE "competition_applications" ADD CONSTRAINT "competition_applications_stage_one_entered_by_users_id_fk" FOREIGN KEY ("stage_one_entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "competition_applications_one_per_group" ON "competition_applications" USING btree ("year_id","member_organisation_id","group") WHERE state IN ('nominated', 'submitted');--> statement-breakpoint
ALTER TABLE "competition_commissions" ADD CONSTRAINT "competition_commissions_stage_one_member_organisation" CHECK ((level = 'regional') = (member_organisation_id IS NOT NULL));
--> statement-breakpoint
-- A stage I result is how a member organisation chose its candidate for stage II (point 11): write-once.
CREATE TRIGGER competition_stage_one_results_write_once BEFORE UPDATE OR DELETE ON competition_stage_one_results FOR EACH ROW EXECUTE FUNCTION baqylau_refuse_change();
--> statement-breakpoint
-- What the member organisation's commission reviews at stage I stays as it was entered (point 10).
CREATE OR REPLACE FUNCTION competition_stage_one_frozen() RETURNS trigger AS $$
BEGIN
  IF OLD.stage_one_entered_at IS NOT NULL AND (
    NEW.stage_one_entered_at IS DISTINCT FROM OLD.stage_one_entered_at OR NEW.stage_one_entered_by IS DISTINCT FROM OLD.stage_one_entered_by
    OR NEW.questionnaire::text IS DISTINCT FROM OLD.questionnaire::text OR NEW.counts::text IS DISTINCT FROM OLD.counts::text
    OR NEW.characteristic IS DISTINCT FROM OLD.characteristic OR NEW.explanatory_note IS DISTINCT FROM OLD.explanatory_note
    OR NEW.member_organisation_id IS DISTINCT FROM OLD.member_organisation_id OR NEW."group" IS DISTINCT FROM OLD."group") THEN
    RAISE EXCEPTION 'baqylau: a competition application entered into stage I is frozen (%)', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER competition_applications_stage_one_frozen BEFORE UPDATE ON competition_applications FOR EACH ROW EXECUTE FUNCTION competition_stage_one_frozen();
