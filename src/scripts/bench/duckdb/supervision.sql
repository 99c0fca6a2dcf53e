-- supervision-6-weeks, oversight-6-weeks: children with any open plan; due = 42 days after the later of the
-- earliest start among their open plans and their latest record of the kind on or before as-at.
WITH cohort AS (SELECT child_id, min(start) AS start FROM open_plans GROUP BY child_id),
latest_record AS (SELECT child_id, kind, max(day) AS day FROM supervision WHERE day <= getvariable('as_at') GROUP BY ALL),
latest AS (
  SELECT c.child_id, k.kind, greatest(c.start, r.day) AS base
  FROM cohort c CROSS JOIN (VALUES ('supervision'), ('oversight')) k(kind)
    LEFT JOIN latest_record r ON r.child_id = c.child_id AND r.kind = k.kind)
SELECT kind || '-6-weeks' AS id, count(*) FILTER (WHERE base + 42 >= getvariable('as_at')) AS numerator, count(*) AS denominator
FROM latest GROUP BY kind;
