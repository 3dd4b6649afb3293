CREATE TABLE "competition_coordinators" (
	"organisation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"member_organisation_id" uuid NOT NULL,
	"assigned_by" uuid NOT NULL,
	"assigned_at" timestamp with time zone NOT NULL,
	CONSTRAINT "competition_coordinators_organisation_id_user_id_pk" PRIMARY KEY("organisation_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "competition_member_organisations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name_kk" text NOT NULL,
	"name_ru" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "competition_years" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"reporting_year" integer NOT NULL,
	"rules_id" text NOT NULL,
	"time_zone" text NOT NULL,
	"submission_due_on" date NOT NULL,
	"submission_closes_at" timestamp with time zone NOT NULL,
	"results_due_on" date NOT NULL,
	"results_closes_at" timestamp with time zone NOT NULL,
	"opened_by" uuid NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "competition_applications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"year_id" uuid NOT NULL,
	"member_organisation_id" uuid NOT NULL,
	"education_organisation_type" text NOT NULL,
	"group" integer NOT NULL,
	"questionnaire" jsonb NOT NULL,
	"characteristic" text DEFAULT '' NOT NULL,
	"explanatory_note" text DEFAULT '' NOT NULL,
	"counts" jsonb NOT NULL,
	"state" text NOT NULL,
	"fatal_accident_on" date,
	"fatal_accident_note" text,
	"excluded_point" text,
	"excluded_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"receipt_sha256" text,
	"receipt" jsonb,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "competition_document_detachments" (
	"document_id" uuid PRIMARY KEY NOT NULL,
	"detached_by" uuid NOT NULL,
	"detached_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "competition_documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"indicator_id" text,
	"event_date" date,
	"title" text NOT NULL,
	"file_name" text NOT NULL,
	"mime" text NOT NULL,
	"sha256" text NOT NULL,
	"size" bigint NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "competition_commission_members" (
	"commission_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"member_organisation_id" uuid,
	"chair" boolean NOT NULL,
	"added_by" uuid NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	CONSTRAINT "competition_commission_members_commission_id_user_id_pk" PRIMARY KEY("commission_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "competition_commissions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"year_id" uuid NOT NULL,
	"level" text NOT NULL,
	"member_organisation_id" uuid,
	"formed_by" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "competition_reviews" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seq" bigserial NOT NULL,
	"organisation_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"commission_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"indicator_id" text NOT NULL,
	"claimed_count" integer NOT NULL,
	"accepted_count" integer NOT NULL,
	"accepted_positive" integer NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "competition_protocol_signatures" (
	"year_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"protocol_sha256" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "competition_protocol_signatures_year_id_user_id_protocol_sha256_pk" PRIMARY KEY("year_id","user_id","protocol_sha256")
);
--> statement-breakpoint
CREATE TABLE "competition_publications" (
	"year_id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"protocol" jsonb NOT NULL,
	"protocol_sha256" text NOT NULL,
	"published_by" uuid NOT NULL,
	"published_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "competition_tie_decisions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"year_id" uuid NOT NULL,
	"group" integer NOT NULL,
	"tie_key" text NOT NULL,
	"application_order" uuid[] NOT NULL,
	"reason" text NOT NULL,
	"decided_by" uuid NOT NULL,
	"decided_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "competition_coordinators" ADD CONSTRAINT "competition_coordinators_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_coordinators" ADD CONSTRAINT "competition_coordinators_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_coordinators" ADD CONSTRAINT "competition_coordinators_member_organisation_id_competition_member_organisations_id_fk" FOREIGN KEY ("member_organisation_id") REFERENCES "public"."competition_member_organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_coordinators" ADD CONSTRAINT "competition_coordinators_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_member_organisations" ADD CONSTRAINT "competition_member_organisations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_years" ADD CONSTRAINT "competition_years_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_years" ADD CONSTRAINT "competition_years_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_applications" ADD CONSTRAINT "competition_applications_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_applications" ADD CONSTRAINT "competition_applications_year_id_competition_years_id_fk" FOREIGN KEY ("year_id") REFERENCES "public"."competition_years"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_applications" ADD CONSTRAINT "competition_applications_member_organisation_id_competition_member_organisations_id_fk" FOREIGN KEY ("member_organisation_id") REFERENCES "public"."competition_member_organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_applications" ADD CONSTRAINT "competition_applications_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_applications" ADD CONSTRAINT "competition_applications_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_document_detachments" ADD CONSTRAINT "competition_document_detachments_document_id_competition_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."competition_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_document_detachments" ADD CONSTRAINT "competition_document_detachments_detached_by_users_id_fk" FOREIGN KEY ("detached_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_documents" ADD CONSTRAINT "competition_documents_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_documents" ADD CONSTRAINT "competition_documents_application_id_competition_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."competition_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_documents" ADD CONSTRAINT "competition_documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_commission_members" ADD CONSTRAINT "competition_commission_members_commission_id_competition_commissions_id_fk" FOREIGN KEY ("commission_id") REFERENCES "public"."competition_commissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_commission_members" ADD CONSTRAINT "competition_commission_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_commission_members" ADD CONSTRAINT "competition_commission_members_member_organisation_id_competition_member_organisations_id_fk" FOREIGN KEY ("member_organisation_id") REFERENCES "public"."competition_member_organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_commission_members" ADD CONSTRAINT "competition_commission_members_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_commissions" ADD CONSTRAINT "competition_commissions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_commissions" ADD CONSTRAINT "competition_commissions_year_id_competition_years_id_fk" FOREIGN KEY ("year_id") REFERENCES "public"."competition_years"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_commissions" ADD CONSTRAINT "competition_commissions_member_organisation_id_competition_member_organisations_id_fk" FOREIGN KEY ("member_organisation_id") REFERENCES "public"."competition_member_organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_commissions" ADD CONSTRAINT "competition_commissions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_reviews" ADD CONSTRAINT "competition_reviews_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_reviews" ADD CONSTRAINT "competition_reviews_application_id_competition_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."competition_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_reviews" ADD CONSTRAINT "competition_reviews_commission_id_competition_commissions_id_fk" FOREIGN KEY ("commission_id") REFERENCES "public"."competition_commissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_reviews" ADD CONSTRAINT "competition_reviews_member_id_users_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_protocol_signatures" ADD CONSTRAINT "competition_protocol_signatures_year_id_competition_years_id_fk" FOREIGN KEY ("year_id") REFERENCES "public"."competition_years"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_protocol_signatures" ADD CONSTRAINT "competition_protocol_signatures_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_publications" ADD CONSTRAINT "competition_publications_year_id_competition_years_id_fk" FOREIGN KEY ("year_id") REFERENCES "public"."competition_years"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_publications" ADD CONSTRAINT "competition_publications_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_publications" ADD CONSTRAINT "competition_publications_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_tie_decisions" ADD CONSTRAINT "competition_tie_decisions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_tie_decisions" ADD CONSTRAINT "competition_tie_decisions_year_id_competition_years_id_fk" FOREIGN KEY ("year_id") REFERENCES "public"."competition_years"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_tie_decisions" ADD CONSTRAINT "competition_tie_decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "competition_member_organisations_name" ON "competition_member_organisations" USING btree ("organisation_id","name_kk");--> statement-breakpoint
CREATE UNIQUE INDEX "competition_years_org_year" ON "competition_years" USING btree ("organisation_id","reporting_year");--> statement-breakpoint
CREATE INDEX "competition_applications_year" ON "competition_applications" USING btree ("year_id","member_organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "competition_applications_one_per_group" ON "competition_applications" USING btree ("year_id","member_organisation_id","group") WHERE state = 'submitted';--> statement-breakpoint
CREATE INDEX "competition_documents_application" ON "competition_documents" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "competition_documents_sha256" ON "competition_documents" USING btree ("sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "competition_commission_members_chair" ON "competition_commission_members" USING btree ("commission_id") WHERE chair;--> statement-breakpoint
CREATE UNIQUE INDEX "competition_commissions_republican" ON "competition_commissions" USING btree ("year_id") WHERE level = 'republican';--> statement-breakpoint
CREATE UNIQUE INDEX "competition_commissions_regional" ON "competition_commissions" USING btree ("year_id","member_organisation_id") WHERE level = 'regional';--> statement-breakpoint
CREATE INDEX "competition_reviews_application" ON "competition_reviews" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "competition_tie_decisions_year" ON "competition_tie_decisions" USING btree ("year_id");
--> statement-breakpoint
-- Competition records are evidence of how a winner was chosen: never deleted.
CREATE TRIGGER competition_member_organisations_no_delete BEFORE DELETE ON competition_member_organisations FOR EACH ROW EXECUTE FUNCTION baqylau_refuse_change();
--> statement-breakpoint
CREATE TRIGGER competition_years_no_delete BEFORE DELETE ON competition_years FOR EACH ROW EXECUTE FUNCTION baqylau_refuse_change();
--> statement-breakpoint
CREATE TRIGGER competition_applications_no_delete BEFORE DELETE ON competition_applications FOR EACH ROW EXECUTE FUNCTION baqylau_refuse_change();
--> statement-breakpoint
-- Documents and their detachments are write-once.
CREATE TRIGGER competition_documents_write_once BEFORE UPDATE OR DELETE ON competition_documents FOR EACH ROW EXECUTE FUNCTION baqylau_refuse_change();
--> statement-breakpoint
CREATE TRIGGER competition_document_detachments_write_once BEFORE UPDATE OR DELETE ON competition_document_detachments FOR EACH ROW EXECUTE FUNCTION baqylau_refuse_change();
--> statement-breakpoint
-- What was submitted stays as its receipt says (RC-16): the receipt, its hash and the submitted fields never change once set.
CREATE OR REPLACE FUNCTION competition_receipt_frozen() RETURNS trigger AS $$
BEGIN
  IF OLD.receipt_sha256 IS NOT NULL AND (
    NEW.receipt_sha256 IS DISTINCT FROM OLD.receipt_sha256 OR NEW.receipt::text IS DISTINCT FROM OLD.receipt::text
    OR NEW.questionnaire::text IS DISTINCT FROM OLD.questionnaire::text OR NEW.counts::text IS DISTINCT FROM OLD.counts::text
    OR NEW.characteristic IS DISTINCT FROM OLD.characteristic OR NEW.explanatory_note IS DISTINCT FROM OLD.explanatory_note
    OR NEW.submitted_at IS DISTINCT FROM OLD.submitted_at OR NEW.member_organisation_id IS DISTINCT FROM OLD.member_organisation_id
    OR NEW."group" IS DISTINCT FROM OLD."group") THEN
    RAISE EXCEPTION 'baqylau: a submitted competition application is frozen (%)', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER competition_applications_receipt_frozen BEFORE UPDATE ON competition_applications FOR EACH ROW EXECUTE FUNCTION competition_receipt_frozen();

--> statement-breakpoint
-- How the winners were chosen is evidence: commissions are never deleted; reviews, tie decisions,
-- signatures and publications are write-once.
CREATE TRIGGER competition_commissions_no_delete BEFORE DELETE ON competition_commissions FOR EACH ROW EXECUTE FUNCTION baqylau_refuse_change();
--> statement-breakpoint
CREATE TRIGGER competition_commission_members_no_delete BEFORE DELETE ON competition_commission_members FOR EACH ROW EXECUTE FUNCTION baqylau_refuse_change();
--> statement-breakpoint
CREATE TRIGGER competition_reviews_write_once BEFORE UPDATE OR DELETE ON competition_reviews FOR EACH ROW EXECUTE FUNCTION baqylau_refuse_change();
--> statement-breakpoint
CREATE TRIGGER competition_tie_decisions_write_once BEFORE UPDATE OR DELETE ON competition_tie_decisions FOR EACH ROW EXECUTE FUNCTION baqylau_refuse_change();
--> statement-breakpoint
CREATE TRIGGER competition_protocol_signatures_write_once BEFORE UPDATE OR DELETE ON competition_protocol_signatures FOR EACH ROW EXECUTE FUNCTION baqylau_refuse_change();
--> statement-breakpoint
CREATE TRIGGER competition_publications_write_once BEFORE UPDATE OR DELETE ON competition_publications FOR EACH ROW EXECUTE FUNCTION baqylau_refuse_change();
