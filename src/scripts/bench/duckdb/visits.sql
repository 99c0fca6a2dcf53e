-- visits-cp / -cin / -cla: children with an open plan of the type (the latest start when two are open);
-- due = the interval after the later of the plan's start and the latest visit on or before as-at that
-- counts for it (same plan_type, or blank); met when due >= as-at.
WITH intervals(plan_type, working_days, calendar_days) AS (VALUES ('CP', 10, NULL), ('CIN', 20, NULL), ('CLA', NULL, 42)),
cohort AS (
  SELECT child_id, plan_type, max(start) AS start FROM open_plans WHERE plan_type IN ('CP', 'CIN', 'CLA') GROUP BY ALL),
-- plan_type NULL is the child's latest visit with a blank plan_type.
latest_visit AS (SELECT child_id, plan_type, max(day) AS day FROM visits WHERE day <= getvariable('as_at') GROUP BY ALL),
latest AS (
  SELECT c.child_id, c.plan_type, greatest(c.start, typed.day, untyped.day) AS base
  FROM cohort c
    LEFT JOIN latest_visit typed ON typed.child_id = c.child_id AND typed.plan_type = c.plan_type
    LEFT JOIN latest_visit untyped ON untyped.child_id = c.child_id AND untyped.plan_type IS NULL),
-- The N-th working day after base is the working day whose cum is base's cum + N.
due AS (
  SELECT l.plan_type, coalesce(l.base + i.calendar_days, after.day) AS due
  FROM latest l JOIN intervals i USING (plan_type) JOIN calendar b ON b.day = l.base
    LEFT JOIN calendar after ON after.working AND after.cum = b.cum + i.working_days)
SELECT 'visits-' || lower(plan_type) AS id, count(*) FILTER (WHERE due >= getvariable('as_at')) AS numerator, count(*) AS denominator
FROM due GROUP BY plan_type;
