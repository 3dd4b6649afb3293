CREATE INDEX "pc_inspections_org_unit_started" ON "pc_inspections" USING btree ("organisation_id","unit_id","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "pc_inspections_schedule_item" ON "pc_inspections" USING btree ("schedule_item_id") WHERE schedule_item_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "pc_violations_org_found" ON "pc_violations" USING btree ("organisation_id","found_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "pc_violations_org_unit_status" ON "pc_violations" USING btree ("organisation_id","unit_id","status");