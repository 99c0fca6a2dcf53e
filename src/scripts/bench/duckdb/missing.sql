-- rhi-within-72h, rhi-offered, rhi-late-reason: episodes returned in the period;
-- missing-over-5-days: children still missing on the as-at date after more than 5 days.
WITH cohort AS (
  SELECT m.*, interview IS NOT NULL AND CASE WHEN returned_timed AND interview_timed
    THEN london_epoch(interview) - london_epoch(returned) <= 72 * 3600
    ELSE interview::DATE - returned::DATE <= 3 END AS within
  FROM missing m WHERE returned::DATE BETWEEN getvariable('period_from') AND getvariable('period_to'))
SELECT 'rhi-within-72h' AS id, count(*) FILTER (WHERE within) AS numerator, count(*) AS denominator FROM cohort
UNION ALL SELECT 'rhi-offered', count(*) FILTER (WHERE offered OR interview IS NOT NULL), count(*) FROM cohort
UNION ALL SELECT 'rhi-late-reason', count(*) FILTER (WHERE late_reason IS NOT NULL OR declined), count(*) FROM cohort WHERE NOT within
UNION ALL
SELECT 'missing-over-5-days', count(DISTINCT child_id), NULL FROM missing
WHERE went::DATE <= getvariable('as_at') - 5 AND (returned IS NULL OR returned::DATE > getvariable('as_at'));
