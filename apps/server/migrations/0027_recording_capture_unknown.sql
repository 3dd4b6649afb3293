ALTER TABLE "recordings" ALTER COLUMN "device_started_at" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "recordings" ALTER COLUMN "clock_offset_seconds" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "recordings" ALTER COLUMN "started_at" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "recordings" ADD COLUMN "docking_id" uuid;--> statement-breakpoint
ALTER TABLE "recordings" ADD COLUMN "probe_failure" text;--> statement-breakpoint
-- Issue 19: recordings kept unreadable before the probe's code was stored say the probe failed.
UPDATE recordings SET probe_failure = 'media.probe_failed' WHERE state = 'unreadable' AND probe_failure IS NULL AND deleted_at IS NULL;
--> statement-breakpoint
-- R444-13/R444-17: as 0012, and the docking and probe failure are write-once too. The one change a
-- capture time may see: a recording that waited for its docking's report (no offset, no corrected
-- time) takes that docking's offset once, and the corrected time is the device time minus it.
CREATE OR REPLACE FUNCTION baqylau_recording_immutable() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'baqylau: recording % is deleted only by the retention process, which keeps the row as a tombstone (R444-12)', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF (NEW.id, NEW.organisation_id, NEW.recorder_id, NEW.sha256, NEW.size, NEW.original_name, NEW.file_sequence,
      NEW.device_started_at, NEW.ingested_at, NEW.upload_id, NEW.docking_id, NEW.probe_failure)
     IS DISTINCT FROM
     (OLD.id, OLD.organisation_id, OLD.recorder_id, OLD.sha256, OLD.size, OLD.original_name, OLD.file_sequence,
      OLD.device_started_at, OLD.ingested_at, OLD.upload_id, OLD.docking_id, OLD.probe_failure)
     OR ((NEW.clock_offset_seconds, NEW.started_at) IS DISTINCT FROM (OLD.clock_offset_seconds, OLD.started_at)
         AND NOT (OLD.clock_offset_seconds IS NULL AND OLD.started_at IS NULL AND OLD.device_started_at IS NOT NULL
                  AND NEW.started_at = NEW.device_started_at - make_interval(secs => NEW.clock_offset_seconds)
                  AND EXISTS (SELECT 1 FROM dockings d WHERE d.id = OLD.docking_id AND d.recorder_id = OLD.recorder_id
                                                         AND d.offset_seconds = NEW.clock_offset_seconds)))
     OR (OLD.journal_entry_id IS NOT NULL AND NEW.journal_entry_id IS DISTINCT FROM OLD.journal_entry_id)
     OR (OLD.retain_until IS NOT NULL AND (NEW.retain_until, NEW.retention_years, NEW.retention_covered_by_point12)
         IS DISTINCT FROM (OLD.retain_until, OLD.retention_years, OLD.retention_covered_by_point12))
     OR (OLD.deleted_at IS NOT NULL AND NEW IS DISTINCT FROM OLD) THEN
    RAISE EXCEPTION 'baqylau: recording % is write-once (R444-13)', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL THEN
    IF current_setting('baqylau.retention', true) IS DISTINCT FROM 'on' THEN
      RAISE EXCEPTION 'baqylau: recordings are deleted only by the retention process (R444-12)' USING ERRCODE = 'insufficient_privilege';
    END IF;
    -- The database's own date: the application cannot move the expiry forward.
    IF OLD.retain_until IS NULL OR OLD.retain_until >= current_date THEN
      RAISE EXCEPTION 'baqylau: recording % has not expired (R444-12)', OLD.id USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF EXISTS (SELECT 1 FROM legal_holds h WHERE h.recording_id = OLD.id AND h.lifted_at IS NULL) THEN
      RAISE EXCEPTION 'baqylau: recording % is under legal hold (R444-12)', OLD.id USING ERRCODE = 'insufficient_privilege';
    END IF;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
