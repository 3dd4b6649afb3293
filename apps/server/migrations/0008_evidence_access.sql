CREATE TABLE "access_purposes" (
	"session_id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"note" text NOT NULL,
	"stated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "media_views" (
	"session_id" text NOT NULL,
	"recording_id" uuid NOT NULL,
	"first_at" timestamp with time zone NOT NULL,
	CONSTRAINT "media_views_session_id_recording_id_pk" PRIMARY KEY("session_id","recording_id")
);
