-- R444-12: a deleted recording (a tombstone) takes no new legal hold; the
-- application checks under lock, the database refuses it anyway.
CREATE OR REPLACE FUNCTION baqylau_hold_needs_live_recording() RETURNS trigger AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM recordings r WHERE r.id = NEW.recording_id AND r.deleted_at IS NOT NULL) THEN
    RAISE EXCEPTION 'baqylau: recording % was deleted at the end of its retention period; it takes no hold (R444-12)', NEW.recording_id
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER legal_holds_live_recording BEFORE INSERT ON legal_holds
  FOR EACH ROW EXECUTE FUNCTION baqylau_hold_needs_live_recording();
