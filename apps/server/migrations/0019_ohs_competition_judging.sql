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
CREATE UNIQUE INDEX "competition_commission_members_chair" ON "competition_commission_members" USING btree ("commission_id") WHERE chair;--> statement-breakpoint
CREATE UNIQUE INDEX "competition_commissions_republican" ON "competition_commissions" USING btree ("year_id") WHERE level = 'republican';--> statement-breakpoint
CREATE UNIQUE INDEX "competition_commissions_regional" ON "competition_commissions" USING btree ("year_id","member_organisation_id") WHERE level = 'regional';--> statement-breakpoint
CREATE INDEX "competition_reviews_application" ON "competition_reviews" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "competition_tie_decisions_year" ON "competition_tie_decisions" USING btree ("year_id");--> statement-breakpoint
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
