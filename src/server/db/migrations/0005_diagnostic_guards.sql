-- A published version of an interview guide never changes and is never deleted: interviews are scored with it.
-- The service refuses such writes first (checkGuideEdit); this trigger makes the database refuse them too.
CREATE OR REPLACE FUNCTION maturity_models_guard() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status = 'published' THEN
      RAISE EXCEPTION 'maturity model %/% is published and cannot be deleted', OLD.key, OLD.version
        USING ERRCODE = 'check_violation';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status = 'published' AND (NEW.model IS DISTINCT FROM OLD.model OR NEW.title IS DISTINCT FROM OLD.title
      OR NEW.status IS DISTINCT FROM OLD.status OR NEW.key IS DISTINCT FROM OLD.key
      OR NEW.version IS DISTINCT FROM OLD.version OR NEW.published_at IS DISTINCT FROM OLD.published_at) THEN
    RAISE EXCEPTION 'maturity model %/% is published and cannot change', OLD.key, OLD.version
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER maturity_models_guard BEFORE UPDATE OR DELETE ON maturity_models
  FOR EACH ROW EXECUTE FUNCTION maturity_models_guard();
