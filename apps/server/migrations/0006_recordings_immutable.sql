-- R444-13: stored data, including date and time, cannot be changed by anyone.
-- Only the state (unreadable after probing), the probe result, and the
-- attribution of an unattributed recording (once, with a reason) may be set.
CREATE OR REPLACE FUNCTION baqylau_recording_immutable() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    -- Deletion is the retention process's alone; it runs with baqylau.retention set.
    IF current_setting('baqylau.retention', true) IS DISTINCT FROM 'on' THEN
      RAISE EXCEPTION 'baqylau: recordings are deleted only by the retention process (R444-12)' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN OLD;
  END IF;
  IF (NEW.id, NEW.organisation_id, NEW.recorder_id, NEW.sha256, NEW.size, NEW.original_name, NEW.file_sequence,
      NEW.device_started_at, NEW.clock_offset_seconds, NEW.started_at, NEW.ingested_at, NEW.upload_id)
     IS DISTINCT FROM
     (OLD.id, OLD.organisation_id, OLD.recorder_id, OLD.sha256, OLD.size, OLD.original_name, OLD.file_sequence,
      OLD.device_started_at, OLD.clock_offset_seconds, OLD.started_at, OLD.ingested_at, OLD.upload_id)
     OR (OLD.journal_entry_id IS NOT NULL AND NEW.journal_entry_id IS DISTINCT FROM OLD.journal_entry_id) THEN
    RAISE EXCEPTION 'baqylau: recording % is write-once (R444-13)', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER recordings_immutable BEFORE UPDATE OR DELETE ON recordings
  FOR EACH ROW EXECUTE FUNCTION baqylau_recording_immutable();
