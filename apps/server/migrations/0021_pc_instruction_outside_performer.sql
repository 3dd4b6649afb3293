ALTER TABLE "pc_instruction_items" ADD COLUMN "performer_outside_unit" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- R315-27: an instruction closes only when every item's violation is verified eliminated (or re-checked).
-- The use cases check it; this refuses the same thing from any other path, a DBA's UPDATE included.
CREATE OR REPLACE FUNCTION pc_instruction_close_guard() RETURNS trigger AS $$
BEGIN
  IF NEW.status = 'closed' AND OLD.status IS DISTINCT FROM 'closed' AND EXISTS (
    SELECT 1 FROM pc_instruction_items i JOIN pc_violations v ON v.id = i.violation_id
    WHERE i.instruction_id = NEW.id AND v.status NOT IN ('verified', 'rechecked')
  ) THEN
    RAISE EXCEPTION 'baqylau: instruction % has items not verified eliminated', NEW.number USING ERRCODE = 'check_violation';
  END IF;
  IF OLD.status IN ('closed', 'cancelled') AND NEW.status IS DISTINCT FROM OLD.status THEN
    RAISE EXCEPTION 'baqylau: instruction % is % and stays so', OLD.number, OLD.status USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER pc_instructions_close_guard BEFORE UPDATE ON pc_instructions FOR EACH ROW EXECUTE FUNCTION pc_instruction_close_guard();
