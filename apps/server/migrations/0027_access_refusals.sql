CREATE TABLE "access_refusals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"actor_key" text NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_id" text,
	"rule" text NOT NULL,
	"status" integer NOT NULL,
	"subject_type" text NOT NULL,
	"subject_ids" jsonb NOT NULL,
	"route" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"first_at" timestamp with time zone NOT NULL,
	"last_at" timestamp with time zone NOT NULL,
	"count" integer NOT NULL,
	"ledger_seq" bigint,
	"sealed_seq" bigint
);
--> statement-breakpoint
CREATE UNIQUE INDEX "access_refusals_window" ON "access_refusals" USING btree ("organisation_id","actor_key","rule","subject_type","window_start");--> statement-breakpoint
CREATE INDEX "access_refusals_org_time" ON "access_refusals" USING btree ("organisation_id","last_at");