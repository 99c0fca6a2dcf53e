-- assessment-timeliness, -child-seen, -seen-alone, -voice-recorded: assessments completed in the period;
-- assessment-open-overdue: open on the as-at date past 45 working days (cum difference = working days between).
WITH cohort AS (
  SELECT a.*, done.cum - clock.cum AS working_days
  FROM assessments a JOIN calendar clock ON clock.day = a.clock JOIN calendar done ON done.day = a.completed
  WHERE a.completed BETWEEN getvariable('period_from') AND getvariable('period_to'))
SELECT 'assessment-timeliness' AS id, count(*) FILTER (WHERE working_days <= 45) AS numerator, count(*) AS denominator FROM cohort
UNION ALL SELECT 'assessment-child-seen', count(*) FILTER (WHERE seen), count(*) FROM cohort
UNION ALL SELECT 'assessment-seen-alone', count(*) FILTER (WHERE seen_alone), count(*) FROM cohort
UNION ALL SELECT 'assessment-voice-recorded', count(*) FILTER (WHERE voice), count(*) FROM cohort
UNION ALL
SELECT 'assessment-open-overdue', count(*), NULL
FROM assessments a JOIN calendar clock ON clock.day = a.clock JOIN calendar as_at ON as_at.day = getvariable('as_at')
WHERE a.start <= getvariable('as_at') AND (a.completed IS NULL OR a.completed > getvariable('as_at')) AND as_at.cum - clock.cum > 45;
