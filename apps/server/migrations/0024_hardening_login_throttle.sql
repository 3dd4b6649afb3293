CREATE TABLE "login_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"last_failure_at" timestamp with time zone NOT NULL,
	"next_attempt_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "totp_last_step" integer;--> statement-breakpoint
CREATE INDEX "login_throttle_last_failure" ON "login_throttle" USING btree ("last_failure_at");--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_bin" ON "organisations" USING btree ("bin");