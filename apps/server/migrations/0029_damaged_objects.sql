CREATE TABLE "damaged_objects" (
	"id" uuid PRIMARY KEY NOT NULL,
	"sha256" text NOT NULL,
	"found_sha256" text,
	"found_size" bigint,
	"detected_at" timestamp with time zone NOT NULL,
	"detected_by" text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "damaged_objects_sha" ON "damaged_objects" USING btree ("sha256");--> statement-breakpoint
-- R444-13: a damaged object stays recorded; nothing "repairs" it silently (baqylau_append_only from 0012).
CREATE TRIGGER damaged_objects_append_only BEFORE UPDATE OR DELETE ON damaged_objects
  FOR EACH ROW EXECUTE FUNCTION baqylau_append_only();
