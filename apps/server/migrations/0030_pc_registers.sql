CREATE TABLE "pc_accident_investigations" (
	"accident_id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"order_number" text NOT NULL,
	"order_date" date NOT NULL,
	"commission" jsonb NOT NULL,
	"started_by" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"act_number" text,
	"act_date" date,
	"causes" text,
	"act_sha256" text,
	"act_mime" text,
	"act_size" bigint,
	"act_file_name" text,
	"completed_by" uuid,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "pc_accident_measures" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"accident_id" uuid NOT NULL,
	"measure" text NOT NULL,
	"responsible" text NOT NULL,
	"due_on" date NOT NULL,
	"done_on" date,
	"done_recorded_by" uuid
);
--> statement-breakpoint
CREATE TABLE "pc_accidents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"number" text NOT NULL,
	"kind" text NOT NULL,
	"facility_id" uuid NOT NULL,
	"unit_id" uuid,
	"occurred_at" timestamp with time zone NOT NULL,
	"place" text NOT NULL,
	"description" text NOT NULL,
	"consequences" text DEFAULT '' NOT NULL,
	"injured" integer DEFAULT 0 NOT NULL,
	"fatalities" integer DEFAULT 0 NOT NULL,
	"status" text NOT NULL,
	"extraordinary_inspection_id" uuid,
	"registered_by" uuid NOT NULL,
	"registered_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pc_training_records" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"person_id" uuid,
	"full_name" text NOT NULL,
	"position" text NOT NULL,
	"facility_id" uuid,
	"unit_id" uuid,
	"kind" text NOT NULL,
	"programme" text NOT NULL,
	"completed_on" date NOT NULL,
	"valid_until" date NOT NULL,
	"document_number" text NOT NULL,
	"supersedes" uuid,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"removal_proposal_id" uuid
);
--> statement-breakpoint
CREATE TABLE "pc_examination_reminders" (
	"examination_id" uuid NOT NULL,
	"threshold" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pc_technical_examinations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"object_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"performed_on" date NOT NULL,
	"next_due_on" date NOT NULL,
	"result" text NOT NULL,
	"performed_by" text NOT NULL,
	"document_number" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pc_technical_objects" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"facility_id" uuid NOT NULL,
	"unit_id" uuid,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"registration_number" text NOT NULL,
	"manufacturer" text DEFAULT '' NOT NULL,
	"serial_number" text DEFAULT '' NOT NULL,
	"commissioned_on" date,
	"decommissioned_on" date,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pc_plan_approvals" (
	"version_id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"approved_by" uuid NOT NULL,
	"approved_at" timestamp with time zone NOT NULL,
	"order_number" text
);
--> statement-breakpoint
CREATE TABLE "pc_plan_measure_completions" (
	"measure_id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"done_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pc_plan_measures" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"measure" text NOT NULL,
	"facility_id" uuid,
	"responsible" text NOT NULL,
	"due_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pc_plan_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"valid_from" date,
	"valid_until" date,
	"file_sha256" text,
	"file_mime" text,
	"file_size" bigint,
	"file_name" text,
	"submitted_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pc_plans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"year" integer,
	"facility_id" uuid,
	"title" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "pc_accident_investigations" ADD CONSTRAINT "pc_accident_investigations_accident_id_pc_accidents_id_fk" FOREIGN KEY ("accident_id") REFERENCES "public"."pc_accidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_accident_investigations" ADD CONSTRAINT "pc_accident_investigations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_accident_investigations" ADD CONSTRAINT "pc_accident_investigations_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_accident_investigations" ADD CONSTRAINT "pc_accident_investigations_completed_by_users_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_accident_measures" ADD CONSTRAINT "pc_accident_measures_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_accident_measures" ADD CONSTRAINT "pc_accident_measures_accident_id_pc_accidents_id_fk" FOREIGN KEY ("accident_id") REFERENCES "public"."pc_accidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_accident_measures" ADD CONSTRAINT "pc_accident_measures_done_recorded_by_users_id_fk" FOREIGN KEY ("done_recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_accidents" ADD CONSTRAINT "pc_accidents_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_accidents" ADD CONSTRAINT "pc_accidents_facility_id_pc_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."pc_facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_accidents" ADD CONSTRAINT "pc_accidents_unit_id_pc_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."pc_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_accidents" ADD CONSTRAINT "pc_accidents_extraordinary_inspection_id_pc_inspections_id_fk" FOREIGN KEY ("extraordinary_inspection_id") REFERENCES "public"."pc_inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_accidents" ADD CONSTRAINT "pc_accidents_registered_by_users_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_training_records" ADD CONSTRAINT "pc_training_records_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_training_records" ADD CONSTRAINT "pc_training_records_person_id_users_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_training_records" ADD CONSTRAINT "pc_training_records_facility_id_pc_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."pc_facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_training_records" ADD CONSTRAINT "pc_training_records_unit_id_pc_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."pc_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_training_records" ADD CONSTRAINT "pc_training_records_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_training_records" ADD CONSTRAINT "pc_training_records_removal_proposal_id_pc_proposals_id_fk" FOREIGN KEY ("removal_proposal_id") REFERENCES "public"."pc_proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_examination_reminders" ADD CONSTRAINT "pc_examination_reminders_examination_id_pc_technical_examinations_id_fk" FOREIGN KEY ("examination_id") REFERENCES "public"."pc_technical_examinations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_technical_examinations" ADD CONSTRAINT "pc_technical_examinations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_technical_examinations" ADD CONSTRAINT "pc_technical_examinations_object_id_pc_technical_objects_id_fk" FOREIGN KEY ("object_id") REFERENCES "public"."pc_technical_objects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_technical_examinations" ADD CONSTRAINT "pc_technical_examinations_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_technical_objects" ADD CONSTRAINT "pc_technical_objects_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_technical_objects" ADD CONSTRAINT "pc_technical_objects_facility_id_pc_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."pc_facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_technical_objects" ADD CONSTRAINT "pc_technical_objects_unit_id_pc_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."pc_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_technical_objects" ADD CONSTRAINT "pc_technical_objects_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_plan_approvals" ADD CONSTRAINT "pc_plan_approvals_version_id_pc_plan_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."pc_plan_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_plan_approvals" ADD CONSTRAINT "pc_plan_approvals_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_plan_approvals" ADD CONSTRAINT "pc_plan_approvals_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_plan_measure_completions" ADD CONSTRAINT "pc_plan_measure_completions_measure_id_pc_plan_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."pc_plan_measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_plan_measure_completions" ADD CONSTRAINT "pc_plan_measure_completions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_plan_measure_completions" ADD CONSTRAINT "pc_plan_measure_completions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_plan_measures" ADD CONSTRAINT "pc_plan_measures_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_plan_measures" ADD CONSTRAINT "pc_plan_measures_version_id_pc_plan_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."pc_plan_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_plan_measures" ADD CONSTRAINT "pc_plan_measures_facility_id_pc_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."pc_facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_plan_versions" ADD CONSTRAINT "pc_plan_versions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_plan_versions" ADD CONSTRAINT "pc_plan_versions_plan_id_pc_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."pc_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_plan_versions" ADD CONSTRAINT "pc_plan_versions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_plans" ADD CONSTRAINT "pc_plans_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_plans" ADD CONSTRAINT "pc_plans_facility_id_pc_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."pc_facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_plans" ADD CONSTRAINT "pc_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pc_accident_measures_accident" ON "pc_accident_measures" USING btree ("accident_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pc_accidents_org_number" ON "pc_accidents" USING btree ("organisation_id","number");--> statement-breakpoint
CREATE INDEX "pc_accidents_org_occurred" ON "pc_accidents" USING btree ("organisation_id","occurred_at");--> statement-breakpoint
CREATE INDEX "pc_training_records_org_valid" ON "pc_training_records" USING btree ("organisation_id","valid_until");--> statement-breakpoint
CREATE INDEX "pc_training_records_org_person" ON "pc_training_records" USING btree ("organisation_id","full_name");--> statement-breakpoint
CREATE UNIQUE INDEX "pc_examination_reminders_once" ON "pc_examination_reminders" USING btree ("examination_id","threshold");--> statement-breakpoint
CREATE INDEX "pc_technical_examinations_object_kind" ON "pc_technical_examinations" USING btree ("object_id","kind","performed_on");--> statement-breakpoint
CREATE UNIQUE INDEX "pc_technical_objects_org_reg" ON "pc_technical_objects" USING btree ("organisation_id","registration_number");--> statement-breakpoint
CREATE UNIQUE INDEX "pc_plan_measures_version_ordinal" ON "pc_plan_measures" USING btree ("version_id","ordinal");--> statement-breakpoint
CREATE UNIQUE INDEX "pc_plan_versions_plan_version" ON "pc_plan_versions" USING btree ("plan_id","version");--> statement-breakpoint
CREATE INDEX "pc_plans_org_kind" ON "pc_plans" USING btree ("organisation_id","kind");--> statement-breakpoint
-- Registers of Order 315 (R315-4, -6, -26): written once; a mistake is corrected by a new row.
CREATE TRIGGER pc_technical_examinations_write_once BEFORE UPDATE OR DELETE ON pc_technical_examinations FOR EACH ROW EXECUTE FUNCTION baqylau_refuse_change();
--> statement-breakpoint
CREATE TRIGGER pc_examination_reminders_write_once BEFORE UPDATE OR DELETE ON pc_examination_reminders FOR EACH ROW EXECUTE FUNCTION baqylau_refuse_change();
--> statement-breakpoint
CREATE TRIGGER pc_plan_versions_write_once BEFORE UPDATE OR DELETE ON pc_plan_versions FOR EACH ROW EXECUTE FUNCTION baqylau_refuse_change();
--> statement-breakpoint
CREATE TRIGGER pc_plan_approvals_write_once BEFORE UPDATE OR DELETE ON pc_plan_approvals FOR EACH ROW EXECUTE FUNCTION baqylau_refuse_change();
--> statement-breakpoint
CREATE TRIGGER pc_plan_measures_write_once BEFORE UPDATE OR DELETE ON pc_plan_measures FOR EACH ROW EXECUTE FUNCTION baqylau_refuse_change();
--> statement-breakpoint
CREATE TRIGGER pc_plan_measure_completions_write_once BEFORE UPDATE OR DELETE ON pc_plan_measure_completions FOR EACH ROW EXECUTE FUNCTION baqylau_refuse_change();
--> statement-breakpoint
-- A training record never changes, except that the removal proposal raised on its expiry is linked once.
CREATE OR REPLACE FUNCTION pc_training_record_frozen() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'pc_training_records are write-once' USING ERRCODE = 'P0001';
  END IF;
  IF OLD.removal_proposal_id IS NULL AND NEW.removal_proposal_id IS NOT NULL
     AND (to_jsonb(NEW) - 'removal_proposal_id') = (to_jsonb(OLD) - 'removal_proposal_id') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'pc_training_records are write-once' USING ERRCODE = 'P0001';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER pc_training_records_write_once BEFORE UPDATE OR DELETE ON pc_training_records FOR EACH ROW EXECUTE FUNCTION pc_training_record_frozen();
--> statement-breakpoint
-- What happened is recorded once: the number, kind, facility and time of an accident never change.
CREATE OR REPLACE FUNCTION pc_accident_facts_frozen() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'pc_accidents are never deleted' USING ERRCODE = 'P0001';
  END IF;
  IF NEW.number IS DISTINCT FROM OLD.number OR NEW.kind IS DISTINCT FROM OLD.kind
     OR NEW.facility_id IS DISTINCT FROM OLD.facility_id OR NEW.occurred_at IS DISTINCT FROM OLD.occurred_at
     OR NEW.registered_at IS DISTINCT FROM OLD.registered_at OR NEW.registered_by IS DISTINCT FROM OLD.registered_by THEN
    RAISE EXCEPTION 'an accident''s number, kind, facility and time are never changed' USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER pc_accidents_facts_frozen BEFORE UPDATE OR DELETE ON pc_accidents FOR EACH ROW EXECUTE FUNCTION pc_accident_facts_frozen();
