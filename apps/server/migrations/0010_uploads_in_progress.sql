CREATE TABLE "uploads_in_progress" (
	"upload_id" text PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"recorder_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
