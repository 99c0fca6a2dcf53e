-- Children open on the as-at date (start <= as-at, end blank or >= as-at), one row per plan.
CREATE VIEW open_plans AS
SELECT * FROM plans WHERE start <= getvariable('as_at') AND (finish IS NULL OR finish >= getvariable('as_at'));
