-- R444-12/R444-13: a recording row is never removed; the retention process
-- marks it deleted (the row is the tombstone) only when it has expired and no
-- legal hold is active, with baqylau.retention set by that process. The
-- retention class and expiry are set once, when the recording is attributed.
CREATE OR REPLACE FUNCTION baqylau_recording_immutable() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'baqylau: recording % is deleted only by the retention process, which keeps the row as a tombstone (R444-12)', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF (NEW.id, NEW.organisation_id, NEW.recorder_id, NEW.sha256, NEW.size, NEW.original_name, NEW.file_sequence,
      NEW.device_started_at, NEW.clock_offset_seconds, NEW.started_at, NEW.ingested_at, NEW.upload_id)
     IS DISTINCT FROM
     (OLD.id, OLD.organisation_id, OLD.recorder_id, OLD.sha256, OLD.size, OLD.original_name, OLD.file_sequence,
      OLD.device_started_at, OLD.clock_offset_seconds, OLD.started_at, OLD.ingested_at, OLD.upload_id)
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
--> statement-breakpoint
-- A hold is placed once and lifted once (by the head, with a reason); it is never removed.
CREATE OR REPLACE FUNCTION baqylau_legal_hold_lift_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'baqylau: legal holds are lifted, never deleted (R444-12)' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.lifted_at IS NOT NULL
     OR (NEW.id, NEW.organisation_id, NEW.recording_id, NEW.source, NEW.package_id, NEW.reason, NEW.reference, NEW.placed_by, NEW.placed_at)
        IS DISTINCT FROM
        (OLD.id, OLD.organisation_id, OLD.recording_id, OLD.source, OLD.package_id, OLD.reason, OLD.reference, OLD.placed_by, OLD.placed_at)
     OR NEW.lifted_at IS NULL OR NEW.lifted_by IS NULL OR NEW.lift_reason IS NULL THEN
    RAISE EXCEPTION 'baqylau: legal hold % can only be lifted once (R444-12)', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER legal_holds_lift_only BEFORE UPDATE OR DELETE ON legal_holds
  FOR EACH ROW EXECUTE FUNCTION baqylau_legal_hold_lift_only();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION baqylau_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'baqylau: % is append-only (R444-13)', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER deletion_acts_append_only BEFORE UPDATE OR DELETE ON deletion_acts
  FOR EACH ROW EXECUTE FUNCTION baqylau_append_only();
--> statement-breakpoint
CREATE TRIGGER recording_deletions_append_only BEFORE UPDATE OR DELETE ON recording_deletions
  FOR EACH ROW EXECUTE FUNCTION baqylau_append_only();
--> statement-breakpoint
CREATE TRIGGER activity_materials_append_only BEFORE UPDATE OR DELETE ON activity_materials
  FOR EACH ROW EXECUTE FUNCTION baqylau_append_only();
--> statement-breakpoint
-- Recordings attributed before retention existed get their expiry once (the four types of point 12), by the same rule
-- as computeRetentionExpiry (PostgreSQL's date + years ends 29 February on the 28th).
UPDATE recordings r
   SET retain_until = ((r.started_at AT TIME ZONE o.time_zone)::date + interval '3 years')::date,
       retention_years = 3,
       retention_covered_by_point12 = (a.type <> 'investigation')
  FROM journal_entries j, activities a, organisations o
 WHERE r.journal_entry_id = j.id AND j.activity_id = a.id AND o.id = r.organisation_id AND r.retain_until IS NULL
   AND a.type <> 'investigation'; -- its years are a setting: assignMissingRetention sets them at start-up
