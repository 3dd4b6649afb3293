CREATE TABLE "pc_capa_causes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"capa_id" uuid NOT NULL,
	"cause_category_id" uuid NOT NULL,
	"analysis" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pc_capa_decisions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"capa_id" uuid NOT NULL,
	"number" text NOT NULL,
	"decided_on" date NOT NULL,
	"text" text NOT NULL,
	"decided_by" uuid NOT NULL,
	"decided_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pc_capa_evaluations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"capa_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"effective" boolean NOT NULL,
	"evidence" text NOT NULL,
	"evaluated_by" uuid NOT NULL,
	"evaluated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pc_capa_management_reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"capa_id" uuid NOT NULL,
	"text" text NOT NULL,
	"reported_by" uuid NOT NULL,
	"reported_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pc_capa_measures" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"capa_id" uuid NOT NULL,
	"cause_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"description" text NOT NULL,
	"responsible_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"resources" text NOT NULL,
	"status" text NOT NULL,
	"decision_id" uuid,
	"added_by" uuid NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	"done_by" uuid,
	"done_at" timestamp with time zone,
	"done_report" text
);
--> statement-breakpoint
CREATE TABLE "pc_capa_violations" (
	"capa_id" uuid NOT NULL,
	"violation_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	CONSTRAINT "pc_capa_violations_capa_id_violation_id_pk" PRIMARY KEY("capa_id","violation_id")
);
--> statement-breakpoint
CREATE TABLE "pc_capas" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"number" text NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"facility_id" uuid,
	"unit_id" uuid,
	"source" text,
	"source_reference" text,
	"forecast" text,
	"status" text NOT NULL,
	"round" integer DEFAULT 1 NOT NULL,
	"opened_by" uuid NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"closed_by" uuid,
	"closed_at" timestamp with time zone,
	"closing_note" text
);
--> statement-breakpoint
CREATE TABLE "pc_cause_categories" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"parent_id" uuid,
	"code" text NOT NULL,
	"name_kk" text NOT NULL,
	"name_ru" text NOT NULL,
	"name_en" text NOT NULL,
	"retired_at" timestamp with time zone,
	"retired_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pc_plan_proposals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"facility_id" uuid,
	"unit_id" uuid,
	"capa_id" uuid NOT NULL,
	"status" text NOT NULL,
	"proposed_by" uuid NOT NULL,
	"proposed_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"rejection_reason" text,
	"schedule_item_id" uuid
);
--> statement-breakpoint
ALTER TABLE "pc_capa_causes" ADD CONSTRAINT "pc_capa_causes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_capa_causes" ADD CONSTRAINT "pc_capa_causes_capa_id_pc_capas_id_fk" FOREIGN KEY ("capa_id") REFERENCES "public"."pc_capas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_capa_causes" ADD CONSTRAINT "pc_capa_causes_cause_category_id_pc_cause_categories_id_fk" FOREIGN KEY ("cause_category_id") REFERENCES "public"."pc_cause_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_capa_causes" ADD CONSTRAINT "pc_capa_causes_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_capa_decisions" ADD CONSTRAINT "pc_capa_decisions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_capa_decisions" ADD CONSTRAINT "pc_capa_decisions_capa_id_pc_capas_id_fk" FOREIGN KEY ("capa_id") REFERENCES "public"."pc_capas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_capa_decisions" ADD CONSTRAINT "pc_capa_decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_capa_evaluations" ADD CONSTRAINT "pc_capa_evaluations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_capa_evaluations" ADD CONSTRAINT "pc_capa_evaluations_capa_id_pc_capas_id_fk" FOREIGN KEY ("capa_id") REFERENCES "public"."pc_capas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_capa_evaluations" ADD CONSTRAINT "pc_capa_evaluations_evaluated_by_users_id_fk" FOREIGN KEY ("evaluated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_capa_management_reports" ADD CONSTRAINT "pc_capa_management_reports_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_capa_management_reports" ADD CONSTRAINT "pc_capa_management_reports_capa_id_pc_capas_id_fk" FOREIGN KEY ("capa_id") REFERENCES "public"."pc_capas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_capa_management_reports" ADD CONSTRAINT "pc_capa_management_reports_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_capa_measures" ADD CONSTRAINT "pc_capa_measures_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_capa_measures" ADD CONSTRAINT "pc_capa_measures_capa_id_pc_capas_id_fk" FOREIGN KEY ("capa_id") REFERENCES "public"."pc_capas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_capa_measures" ADD CONSTRAINT "pc_capa_measures_cause_id_pc_capa_causes_id_fk" FOREIGN KEY ("cause_id") REFERENCES "public"."pc_capa_causes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_capa_measures" ADD CONSTRAINT "pc_capa_measures_responsible_id_users_id_fk" FOREIGN KEY ("responsible_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_capa_measures" ADD CONSTRAINT "pc_capa_measures_decision_id_pc_capa_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."pc_capa_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_capa_measures" ADD CONSTRAINT "pc_capa_measures_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_capa_measures" ADD CONSTRAINT "pc_capa_measures_done_by_users_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_capa_violations" ADD CONSTRAINT "pc_capa_violations_capa_id_pc_capas_id_fk" FOREIGN KEY ("capa_id") REFERENCES "public"."pc_capas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_capa_violations" ADD CONSTRAINT "pc_capa_violations_violation_id_pc_violations_id_fk" FOREIGN KEY ("violation_id") REFERENCES "public"."pc_violations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_capa_violations" ADD CONSTRAINT "pc_capa_violations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_capas" ADD CONSTRAINT "pc_capas_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_capas" ADD CONSTRAINT "pc_capas_facility_id_pc_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."pc_facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_capas" ADD CONSTRAINT "pc_capas_unit_id_pc_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."pc_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_capas" ADD CONSTRAINT "pc_capas_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_capas" ADD CONSTRAINT "pc_capas_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_cause_categories" ADD CONSTRAINT "pc_cause_categories_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_cause_categories" ADD CONSTRAINT "pc_cause_categories_retired_by_users_id_fk" FOREIGN KEY ("retired_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_plan_proposals" ADD CONSTRAINT "pc_plan_proposals_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_plan_proposals" ADD CONSTRAINT "pc_plan_proposals_facility_id_pc_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."pc_facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_plan_proposals" ADD CONSTRAINT "pc_plan_proposals_unit_id_pc_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."pc_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_plan_proposals" ADD CONSTRAINT "pc_plan_proposals_capa_id_pc_capas_id_fk" FOREIGN KEY ("capa_id") REFERENCES "public"."pc_capas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_plan_proposals" ADD CONSTRAINT "pc_plan_proposals_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_plan_proposals" ADD CONSTRAINT "pc_plan_proposals_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pc_capa_causes_capa" ON "pc_capa_causes" USING btree ("capa_id");--> statement-breakpoint
CREATE INDEX "pc_capa_causes_category" ON "pc_capa_causes" USING btree ("cause_category_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pc_capa_evaluations_capa_round" ON "pc_capa_evaluations" USING btree ("capa_id","round");--> statement-breakpoint
CREATE INDEX "pc_capa_measures_capa" ON "pc_capa_measures" USING btree ("capa_id");--> statement-breakpoint
CREATE INDEX "pc_capa_violations_violation" ON "pc_capa_violations" USING btree ("violation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pc_capas_org_number" ON "pc_capas" USING btree ("organisation_id","number");--> statement-breakpoint
CREATE INDEX "pc_capas_org_status" ON "pc_capas" USING btree ("organisation_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "pc_cause_categories_org_code" ON "pc_cause_categories" USING btree ("organisation_id","code");--> statement-breakpoint
CREATE INDEX "pc_plan_proposals_org_year" ON "pc_plan_proposals" USING btree ("organisation_id","year");--> statement-breakpoint
-- R315-21: a CAPA closes only after its current round of measures is evaluated effective, and only with who
-- closed it and when; a closed CAPA never changes again. A CAPA is a record: it is never deleted.
ALTER TABLE "pc_capas" ADD CONSTRAINT "pc_capas_closed_has_closer" CHECK ("status" <> 'closed' OR ("closed_by" IS NOT NULL AND "closed_at" IS NOT NULL));
--> statement-breakpoint
CREATE OR REPLACE FUNCTION pc_capa_guard() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'pc_capas: a CAPA is a record and is not deleted' USING ERRCODE = 'P0001';
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.status = 'closed' THEN
    RAISE EXCEPTION 'pc_capas: CAPA % is closed and does not change', OLD.number USING ERRCODE = 'P0001';
  END IF;
  IF NEW.status = 'closed' AND NOT EXISTS (
    SELECT 1 FROM pc_capa_evaluations e WHERE e.capa_id = NEW.id AND e.round = NEW.round AND e.effective
  ) THEN
    RAISE EXCEPTION 'pc_capas: CAPA % cannot close before its effectiveness is evaluated as effective (Order 315, point 22(4))', NEW.number USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER pc_capas_guard BEFORE INSERT OR UPDATE OR DELETE ON pc_capas FOR EACH ROW EXECUTE FUNCTION pc_capa_guard();
--> statement-breakpoint
-- A measure done is a record: its row no longer changes; no measure is deleted.
CREATE OR REPLACE FUNCTION pc_capa_measure_guard() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' OR OLD.status = 'done' THEN
    RAISE EXCEPTION 'pc_capa_measures: a measure done (or any measure) is not changed or deleted' USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER pc_capa_measures_guard BEFORE UPDATE OR DELETE ON pc_capa_measures FOR EACH ROW EXECUTE FUNCTION pc_capa_measure_guard();
--> statement-breakpoint
-- The cause register, the head's decisions, the evaluations and the reports to management are write-once records (R315-24).
CREATE TRIGGER pc_capa_causes_write_once BEFORE UPDATE OR DELETE ON pc_capa_causes FOR EACH ROW EXECUTE FUNCTION baqylau_refuse_change();
--> statement-breakpoint
CREATE TRIGGER pc_capa_decisions_write_once BEFORE UPDATE OR DELETE ON pc_capa_decisions FOR EACH ROW EXECUTE FUNCTION baqylau_refuse_change();
--> statement-breakpoint
CREATE TRIGGER pc_capa_evaluations_write_once BEFORE UPDATE OR DELETE ON pc_capa_evaluations FOR EACH ROW EXECUTE FUNCTION baqylau_refuse_change();
--> statement-breakpoint
CREATE TRIGGER pc_capa_management_reports_write_once BEFORE UPDATE OR DELETE ON pc_capa_management_reports FOR EACH ROW EXECUTE FUNCTION baqylau_refuse_change();
--> statement-breakpoint
CREATE TRIGGER pc_capa_violations_write_once BEFORE UPDATE OR DELETE ON pc_capa_violations FOR EACH ROW EXECUTE FUNCTION baqylau_refuse_change();
--> statement-breakpoint
-- Point 21: a proposal for next year's plan is decided once by the first head; the decision stays as made.
CREATE OR REPLACE FUNCTION pc_plan_proposal_guard() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' OR OLD.status <> 'pending' THEN
    RAISE EXCEPTION 'pc_plan_proposals: a decided proposal (or any proposal) is not changed or deleted' USING ERRCODE = 'P0001';
  END IF;
  IF NEW.status = 'rejected' AND coalesce(btrim(NEW.rejection_reason), '') = '' THEN
    RAISE EXCEPTION 'pc_plan_proposals: a rejection states its reason' USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER pc_plan_proposals_guard BEFORE UPDATE OR DELETE ON pc_plan_proposals FOR EACH ROW EXECUTE FUNCTION pc_plan_proposal_guard();
