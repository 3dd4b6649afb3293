CREATE TABLE "pc_facilities" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"registration_number" text NOT NULL,
	"address" text NOT NULL,
	"hazard_features" text[] NOT NULL,
	"safe_operation_conditions" text DEFAULT '' NOT NULL,
	"commissioned_on" date,
	"decommissioned_on" date,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pc_units" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"facility_id" uuid NOT NULL,
	"name" text NOT NULL,
	"head_id" uuid,
	"closed_on" date,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pc_official_appointments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"position" text NOT NULL,
	"order_number" text NOT NULL,
	"order_date" date NOT NULL,
	"facility_ids" uuid[] NOT NULL,
	"unit_ids" uuid[] NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"end_reason" text,
	"appointed_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pc_checklist_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"checklist_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"questions" jsonb NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pc_checklists" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"purpose" text DEFAULT 'inspection' NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pc_schedule_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"schedule_id" uuid NOT NULL,
	"facility_id" uuid NOT NULL,
	"unit_id" uuid,
	"kind" text NOT NULL,
	"planned_on" date NOT NULL,
	"checklist_id" uuid NOT NULL,
	"responsible_official_id" uuid NOT NULL,
	"previous_item_id" uuid,
	"reminded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "pc_schedules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"revision" integer NOT NULL,
	"status" text NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pc_form_definitions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"form" text NOT NULL,
	"columns" jsonb NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pc_inspection_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"inspection_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"source" text NOT NULL,
	"question_id" text,
	"text" text NOT NULL,
	"reference" jsonb NOT NULL,
	"severity" text NOT NULL,
	"recheck_violation_id" uuid,
	"outcome" text,
	"note" text,
	"answered_at" timestamp with time zone,
	"answered_by" uuid,
	"has_violation" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pc_inspections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"facility_id" uuid NOT NULL,
	"unit_id" uuid,
	"kind" text NOT NULL,
	"schedule_item_id" uuid,
	"checklist_version_id" uuid NOT NULL,
	"official_id" uuid NOT NULL,
	"order_number" text,
	"order_date" date,
	"basis" text,
	"basis_description" text,
	"status" text NOT NULL,
	"brief_seen_at" timestamp with time zone,
	"started_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	"conclusion" text
);
--> statement-breakpoint
CREATE TABLE "pc_attachments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"violation_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"sha256" text NOT NULL,
	"mime" text NOT NULL,
	"size" bigint NOT NULL,
	"file_name" text NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pc_proposals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"inspection_id" uuid,
	"violation_id" uuid,
	"facility_id" uuid NOT NULL,
	"unit_id" uuid,
	"description" text NOT NULL,
	"staff_member" text,
	"proposed_by" uuid NOT NULL,
	"proposed_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"decision_order_number" text,
	"closed_at" timestamp with time zone,
	"closing_note" text
);
--> statement-breakpoint
CREATE TABLE "pc_violation_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"violation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid NOT NULL,
	"note" text,
	"inspection_id" uuid
);
--> statement-breakpoint
CREATE TABLE "pc_violations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"inspection_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"facility_id" uuid NOT NULL,
	"unit_id" uuid,
	"description" text NOT NULL,
	"reference" jsonb NOT NULL,
	"severity" text NOT NULL,
	"dangerous" boolean DEFAULT false NOT NULL,
	"eliminated_on_spot" boolean DEFAULT false NOT NULL,
	"status" text NOT NULL,
	"found_at" timestamp with time zone NOT NULL,
	"due_on" text,
	"verified_at" timestamp with time zone,
	"verified_by" uuid,
	"rechecked_at" timestamp with time zone,
	"recheck_inspection_id" uuid
);
--> statement-breakpoint
CREATE TABLE "pc_acts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"inspection_id" uuid NOT NULL,
	"number" text NOT NULL,
	"issued_on" date NOT NULL,
	"unit_head_id" uuid,
	"received_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "pc_acts_inspection_id_unique" UNIQUE("inspection_id")
);
--> statement-breakpoint
CREATE TABLE "pc_instruction_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"instruction_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"violation_id" uuid NOT NULL,
	"measure" text NOT NULL,
	"performer_id" uuid NOT NULL,
	"performer_order_id" uuid,
	"deadline" date NOT NULL,
	"agreement" text NOT NULL,
	"proposed_deadline" date,
	"disagreement_reason" text,
	"settled_by" uuid,
	"settled_at" timestamp with time zone,
	"settlement_note" text,
	CONSTRAINT "pc_instruction_items_violation_id_unique" UNIQUE("violation_id")
);
--> statement-breakpoint
CREATE TABLE "pc_instructions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"inspection_id" uuid NOT NULL,
	"facility_id" uuid NOT NULL,
	"unit_id" uuid,
	"number" text NOT NULL,
	"issued_on" date NOT NULL,
	"issued_by" uuid NOT NULL,
	"unit_head_id" uuid,
	"status" text NOT NULL,
	"closed_at" timestamp with time zone,
	"cancel_order_id" uuid,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "pc_instructions_inspection_id_unique" UNIQUE("inspection_id")
);
--> statement-breakpoint
CREATE TABLE "pc_orders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"number" text NOT NULL,
	"order_date" date NOT NULL,
	"signed_by" uuid NOT NULL,
	"inspection_id" uuid,
	"instruction_id" uuid,
	"unit_id" uuid,
	"content" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pc_monthly_checks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"month" text NOT NULL,
	"official_id" uuid NOT NULL,
	"lines" jsonb NOT NULL,
	"summary" text NOT NULL,
	"reported_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pc_journal_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"seq" bigint NOT NULL,
	"inspection_id" uuid NOT NULL,
	"content" jsonb NOT NULL,
	"entered_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "pc_facilities" ADD CONSTRAINT "pc_facilities_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_units" ADD CONSTRAINT "pc_units_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_units" ADD CONSTRAINT "pc_units_facility_id_pc_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."pc_facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_units" ADD CONSTRAINT "pc_units_head_id_users_id_fk" FOREIGN KEY ("head_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_official_appointments" ADD CONSTRAINT "pc_official_appointments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_official_appointments" ADD CONSTRAINT "pc_official_appointments_person_id_users_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_official_appointments" ADD CONSTRAINT "pc_official_appointments_appointed_by_users_id_fk" FOREIGN KEY ("appointed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_checklist_versions" ADD CONSTRAINT "pc_checklist_versions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_checklist_versions" ADD CONSTRAINT "pc_checklist_versions_checklist_id_pc_checklists_id_fk" FOREIGN KEY ("checklist_id") REFERENCES "public"."pc_checklists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_checklist_versions" ADD CONSTRAINT "pc_checklist_versions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_checklists" ADD CONSTRAINT "pc_checklists_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_schedule_items" ADD CONSTRAINT "pc_schedule_items_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_schedule_items" ADD CONSTRAINT "pc_schedule_items_schedule_id_pc_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."pc_schedules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_schedule_items" ADD CONSTRAINT "pc_schedule_items_facility_id_pc_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."pc_facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_schedule_items" ADD CONSTRAINT "pc_schedule_items_unit_id_pc_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."pc_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_schedule_items" ADD CONSTRAINT "pc_schedule_items_checklist_id_pc_checklists_id_fk" FOREIGN KEY ("checklist_id") REFERENCES "public"."pc_checklists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_schedule_items" ADD CONSTRAINT "pc_schedule_items_responsible_official_id_users_id_fk" FOREIGN KEY ("responsible_official_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_schedules" ADD CONSTRAINT "pc_schedules_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_schedules" ADD CONSTRAINT "pc_schedules_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_form_definitions" ADD CONSTRAINT "pc_form_definitions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_form_definitions" ADD CONSTRAINT "pc_form_definitions_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_inspection_items" ADD CONSTRAINT "pc_inspection_items_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_inspection_items" ADD CONSTRAINT "pc_inspection_items_inspection_id_pc_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."pc_inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_inspection_items" ADD CONSTRAINT "pc_inspection_items_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_inspections" ADD CONSTRAINT "pc_inspections_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_inspections" ADD CONSTRAINT "pc_inspections_facility_id_pc_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."pc_facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_inspections" ADD CONSTRAINT "pc_inspections_unit_id_pc_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."pc_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_inspections" ADD CONSTRAINT "pc_inspections_schedule_item_id_pc_schedule_items_id_fk" FOREIGN KEY ("schedule_item_id") REFERENCES "public"."pc_schedule_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_inspections" ADD CONSTRAINT "pc_inspections_checklist_version_id_pc_checklist_versions_id_fk" FOREIGN KEY ("checklist_version_id") REFERENCES "public"."pc_checklist_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_inspections" ADD CONSTRAINT "pc_inspections_official_id_users_id_fk" FOREIGN KEY ("official_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_attachments" ADD CONSTRAINT "pc_attachments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_attachments" ADD CONSTRAINT "pc_attachments_violation_id_pc_violations_id_fk" FOREIGN KEY ("violation_id") REFERENCES "public"."pc_violations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_attachments" ADD CONSTRAINT "pc_attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_proposals" ADD CONSTRAINT "pc_proposals_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_proposals" ADD CONSTRAINT "pc_proposals_inspection_id_pc_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."pc_inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_proposals" ADD CONSTRAINT "pc_proposals_violation_id_pc_violations_id_fk" FOREIGN KEY ("violation_id") REFERENCES "public"."pc_violations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_proposals" ADD CONSTRAINT "pc_proposals_facility_id_pc_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."pc_facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_proposals" ADD CONSTRAINT "pc_proposals_unit_id_pc_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."pc_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_proposals" ADD CONSTRAINT "pc_proposals_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_proposals" ADD CONSTRAINT "pc_proposals_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_violation_events" ADD CONSTRAINT "pc_violation_events_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_violation_events" ADD CONSTRAINT "pc_violation_events_violation_id_pc_violations_id_fk" FOREIGN KEY ("violation_id") REFERENCES "public"."pc_violations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_violation_events" ADD CONSTRAINT "pc_violation_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_violations" ADD CONSTRAINT "pc_violations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_violations" ADD CONSTRAINT "pc_violations_inspection_id_pc_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."pc_inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_violations" ADD CONSTRAINT "pc_violations_item_id_pc_inspection_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."pc_inspection_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_violations" ADD CONSTRAINT "pc_violations_facility_id_pc_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."pc_facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_violations" ADD CONSTRAINT "pc_violations_unit_id_pc_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."pc_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_violations" ADD CONSTRAINT "pc_violations_verified_by_users_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_acts" ADD CONSTRAINT "pc_acts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_acts" ADD CONSTRAINT "pc_acts_inspection_id_pc_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."pc_inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_acts" ADD CONSTRAINT "pc_acts_unit_head_id_users_id_fk" FOREIGN KEY ("unit_head_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_instruction_items" ADD CONSTRAINT "pc_instruction_items_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_instruction_items" ADD CONSTRAINT "pc_instruction_items_instruction_id_pc_instructions_id_fk" FOREIGN KEY ("instruction_id") REFERENCES "public"."pc_instructions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_instruction_items" ADD CONSTRAINT "pc_instruction_items_violation_id_pc_violations_id_fk" FOREIGN KEY ("violation_id") REFERENCES "public"."pc_violations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_instruction_items" ADD CONSTRAINT "pc_instruction_items_performer_id_users_id_fk" FOREIGN KEY ("performer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_instruction_items" ADD CONSTRAINT "pc_instruction_items_performer_order_id_pc_orders_id_fk" FOREIGN KEY ("performer_order_id") REFERENCES "public"."pc_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_instruction_items" ADD CONSTRAINT "pc_instruction_items_settled_by_users_id_fk" FOREIGN KEY ("settled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_instructions" ADD CONSTRAINT "pc_instructions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_instructions" ADD CONSTRAINT "pc_instructions_inspection_id_pc_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."pc_inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_instructions" ADD CONSTRAINT "pc_instructions_facility_id_pc_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."pc_facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_instructions" ADD CONSTRAINT "pc_instructions_unit_id_pc_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."pc_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_instructions" ADD CONSTRAINT "pc_instructions_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_instructions" ADD CONSTRAINT "pc_instructions_unit_head_id_users_id_fk" FOREIGN KEY ("unit_head_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_instructions" ADD CONSTRAINT "pc_instructions_cancel_order_id_pc_orders_id_fk" FOREIGN KEY ("cancel_order_id") REFERENCES "public"."pc_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_orders" ADD CONSTRAINT "pc_orders_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_orders" ADD CONSTRAINT "pc_orders_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_orders" ADD CONSTRAINT "pc_orders_inspection_id_pc_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."pc_inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_orders" ADD CONSTRAINT "pc_orders_unit_id_pc_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."pc_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_monthly_checks" ADD CONSTRAINT "pc_monthly_checks_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_monthly_checks" ADD CONSTRAINT "pc_monthly_checks_official_id_users_id_fk" FOREIGN KEY ("official_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_journal_entries" ADD CONSTRAINT "pc_journal_entries_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pc_journal_entries" ADD CONSTRAINT "pc_journal_entries_inspection_id_pc_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."pc_inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "pc_facilities_org_registration" ON "pc_facilities" USING btree ("organisation_id","registration_number");--> statement-breakpoint
CREATE UNIQUE INDEX "pc_units_facility_name" ON "pc_units" USING btree ("facility_id","name");--> statement-breakpoint
CREATE INDEX "pc_units_org" ON "pc_units" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "pc_official_appointments_org_person" ON "pc_official_appointments" USING btree ("organisation_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pc_checklist_versions_number" ON "pc_checklist_versions" USING btree ("checklist_id","version");--> statement-breakpoint
CREATE INDEX "pc_checklist_versions_org" ON "pc_checklist_versions" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "pc_schedule_items_schedule" ON "pc_schedule_items" USING btree ("schedule_id");--> statement-breakpoint
CREATE INDEX "pc_schedule_items_org_planned" ON "pc_schedule_items" USING btree ("organisation_id","planned_on");--> statement-breakpoint
CREATE UNIQUE INDEX "pc_schedules_org_year_revision" ON "pc_schedules" USING btree ("organisation_id","year","revision");--> statement-breakpoint
CREATE UNIQUE INDEX "pc_form_definitions_org_form" ON "pc_form_definitions" USING btree ("organisation_id","form");--> statement-breakpoint
CREATE UNIQUE INDEX "pc_inspection_items_position" ON "pc_inspection_items" USING btree ("inspection_id","position");--> statement-breakpoint
CREATE INDEX "pc_inspection_items_recheck" ON "pc_inspection_items" USING btree ("recheck_violation_id");--> statement-breakpoint
CREATE INDEX "pc_inspections_org_facility_started" ON "pc_inspections" USING btree ("organisation_id","facility_id","started_at");--> statement-breakpoint
CREATE INDEX "pc_inspections_org_unit" ON "pc_inspections" USING btree ("organisation_id","unit_id");--> statement-breakpoint
CREATE INDEX "pc_attachments_violation" ON "pc_attachments" USING btree ("violation_id");--> statement-breakpoint
CREATE INDEX "pc_proposals_org_status" ON "pc_proposals" USING btree ("organisation_id","status");--> statement-breakpoint
CREATE INDEX "pc_violation_events_violation" ON "pc_violation_events" USING btree ("violation_id","at");--> statement-breakpoint
CREATE INDEX "pc_violations_org_status" ON "pc_violations" USING btree ("organisation_id","status");--> statement-breakpoint
CREATE INDEX "pc_violations_org_facility_status" ON "pc_violations" USING btree ("organisation_id","facility_id","status");--> statement-breakpoint
CREATE INDEX "pc_violations_inspection" ON "pc_violations" USING btree ("inspection_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pc_acts_org_number" ON "pc_acts" USING btree ("organisation_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "pc_instruction_items_position" ON "pc_instruction_items" USING btree ("instruction_id","position");--> statement-breakpoint
CREATE INDEX "pc_instruction_items_performer" ON "pc_instruction_items" USING btree ("performer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pc_instructions_org_number" ON "pc_instructions" USING btree ("organisation_id","number");--> statement-breakpoint
CREATE INDEX "pc_instructions_org_status" ON "pc_instructions" USING btree ("organisation_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "pc_orders_org_kind_number" ON "pc_orders" USING btree ("organisation_id","kind","number");--> statement-breakpoint
CREATE UNIQUE INDEX "pc_monthly_checks_org_month_official" ON "pc_monthly_checks" USING btree ("organisation_id","month","official_id");--> statement-breakpoint
CREATE INDEX "pc_monthly_checks_org" ON "pc_monthly_checks" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pc_journal_entries_org_seq" ON "pc_journal_entries" USING btree ("organisation_id","seq");--> statement-breakpoint
-- Order 315 records are evidence of production control: a published checklist version, the
-- questions an inspection used, journal entries, violation histories, attachments, orders and
-- monthly checks never change; inspections, violations, acts, instructions and proposals are never deleted.
CREATE OR REPLACE FUNCTION pc_published_version_frozen() RETURNS trigger AS $$
BEGIN
  IF OLD.status = 'published' THEN
    RAISE EXCEPTION 'baqylau: a published checklist version never changes (%)', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER pc_checklist_versions_published_frozen BEFORE UPDATE OR DELETE ON pc_checklist_versions FOR EACH ROW EXECUTE FUNCTION pc_published_version_frozen();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION pc_inspection_item_question_frozen() RETURNS trigger AS $$
BEGIN
  IF NEW.text IS DISTINCT FROM OLD.text OR NEW.reference::text IS DISTINCT FROM OLD.reference::text
    OR NEW.severity IS DISTINCT FROM OLD.severity OR NEW.question_id IS DISTINCT FROM OLD.question_id
    OR NEW.source IS DISTINCT FROM OLD.source OR NEW.position IS DISTINCT FROM OLD.position
    OR NEW.inspection_id IS DISTINCT FROM OLD.inspection_id OR NEW.recheck_violation_id IS DISTINCT FROM OLD.recheck_violation_id THEN
    RAISE EXCEPTION 'baqylau: an inspection keeps the questions it was given (%)', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER pc_inspection_items_question_frozen BEFORE UPDATE ON pc_inspection_items FOR EACH ROW EXECUTE FUNCTION pc_inspection_item_question_frozen();
--> statement-breakpoint
CREATE TRIGGER pc_inspection_items_no_delete BEFORE DELETE ON pc_inspection_items FOR EACH ROW EXECUTE FUNCTION baqylau_refuse_change();
--> statement-breakpoint
CREATE TRIGGER pc_journal_entries_write_once BEFORE UPDATE OR DELETE ON pc_journal_entries FOR EACH ROW EXECUTE FUNCTION baqylau_refuse_change();
--> statement-breakpoint
CREATE TRIGGER pc_violation_events_write_once BEFORE UPDATE OR DELETE ON pc_violation_events FOR EACH ROW EXECUTE FUNCTION baqylau_refuse_change();
--> statement-breakpoint
CREATE TRIGGER pc_attachments_write_once BEFORE UPDATE OR DELETE ON pc_attachments FOR EACH ROW EXECUTE FUNCTION baqylau_refuse_change();
--> statement-breakpoint
CREATE TRIGGER pc_orders_write_once BEFORE UPDATE OR DELETE ON pc_orders FOR EACH ROW EXECUTE FUNCTION baqylau_refuse_change();
--> statement-breakpoint
CREATE TRIGGER pc_monthly_checks_write_once BEFORE UPDATE OR DELETE ON pc_monthly_checks FOR EACH ROW EXECUTE FUNCTION baqylau_refuse_change();
--> statement-breakpoint
CREATE TRIGGER pc_inspections_no_delete BEFORE DELETE ON pc_inspections FOR EACH ROW EXECUTE FUNCTION baqylau_refuse_change();
--> statement-breakpoint
CREATE TRIGGER pc_violations_no_delete BEFORE DELETE ON pc_violations FOR EACH ROW EXECUTE FUNCTION baqylau_refuse_change();
--> statement-breakpoint
CREATE TRIGGER pc_acts_no_delete BEFORE DELETE ON pc_acts FOR EACH ROW EXECUTE FUNCTION baqylau_refuse_change();
--> statement-breakpoint
CREATE TRIGGER pc_instructions_no_delete BEFORE DELETE ON pc_instructions FOR EACH ROW EXECUTE FUNCTION baqylau_refuse_change();
--> statement-breakpoint
CREATE TRIGGER pc_instruction_items_no_delete BEFORE DELETE ON pc_instruction_items FOR EACH ROW EXECUTE FUNCTION baqylau_refuse_change();
--> statement-breakpoint
CREATE TRIGGER pc_proposals_no_delete BEFORE DELETE ON pc_proposals FOR EACH ROW EXECUTE FUNCTION baqylau_refuse_change();
