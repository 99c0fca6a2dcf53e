-- The extracts loaded as csc-metrics reads them (extracts.md), so the indicator
-- files can follow indicators.md literally. Canonical header names only.
-- Rejected rows (extracts.md "Bad input"): a value missing or unreadable, a date after the extract, or a clock date outside the calendar.
CREATE MACRO blank(v) AS v IS NULL OR trim(v) = '';
CREATE MACRO bad_date(v) AS NOT blank(v) AND parse_time(v) IS NULL;
CREATE MACRO future(d) AS coalesce(d > getvariable('extracted_on'), false);
CREATE MACRO outside_calendar(d) AS coalesce(d NOT BETWEEN getvariable('calendar_first') AND getvariable('calendar_last'), false);

-- Exact duplicate rows count once (DISTINCT); unreadable or impossible rows are left out.
CREATE TABLE assessments AS
WITH typed AS (
  SELECT child_id, day_of(referral_date) AS referral, day_of(start_date) AS start, day_of(completed_date) AS completed,
    flag(child_seen) AS seen, flag(child_seen_alone) AS seen_alone, flag(child_voice_recorded) AS voice,
    bad_date(referral_date) OR bad_date(start_date) OR bad_date(completed_date) OR blank(start_date) OR blank(child_id) AS invalid
  FROM (SELECT DISTINCT * FROM read_csv('{data}/assessments.csv', all_varchar = true)))
SELECT * EXCLUDE (invalid), coalesce(referral, start) AS clock FROM typed
WHERE NOT invalid AND NOT coalesce(completed < start OR completed < referral, false)
  AND NOT (future(referral) OR future(start) OR future(completed))
  AND NOT (outside_calendar(referral) OR outside_calendar(start) OR outside_calendar(completed));

CREATE TABLE missing AS
WITH typed AS (
  SELECT child_id, parse_time(missing_from) AS went, has_time(missing_from) AS went_timed,
    parse_time(returned_at) AS returned, has_time(returned_at) AS returned_timed,
    parse_time(rhi_completed_at) AS interview, has_time(rhi_completed_at) AS interview_timed,
    flag(rhi_offered) AS offered, flag(rhi_declined) AS declined, text_of(late_reason) AS late_reason,
    bad_date(missing_from) OR bad_date(returned_at) OR bad_date(rhi_completed_at) OR blank(missing_from) OR blank(child_id) AS invalid
  FROM (SELECT DISTINCT * FROM read_csv('{data}/missing.csv', all_varchar = true)))
SELECT * EXCLUDE (invalid) FROM typed
-- Order is compared on days when either side has no time.
WHERE NOT invalid
  AND NOT coalesce(CASE WHEN went_timed AND returned_timed THEN returned < went ELSE returned::DATE < went::DATE END, false)
  AND NOT coalesce(CASE WHEN returned_timed AND interview_timed THEN interview < returned ELSE interview::DATE < returned::DATE END, false)
  AND NOT (future(went::DATE) OR future(returned::DATE) OR future(interview::DATE));

CREATE TABLE plans AS
WITH typed AS (
  SELECT child_id, upper(trim(plan_type)) AS plan_type, day_of(start_date) AS start, day_of(end_date) AS finish,
    bad_date(start_date) OR bad_date(end_date) OR blank(start_date) OR blank(child_id) OR blank(plan_type) AS invalid
  FROM (SELECT DISTINCT * FROM read_csv('{data}/plans.csv', all_varchar = true)))
SELECT * EXCLUDE (invalid) FROM typed
WHERE NOT invalid AND NOT coalesce(finish < start, false) AND NOT future(start) AND NOT outside_calendar(start);

CREATE TABLE visits AS
WITH typed AS (
  SELECT child_id, day_of(visit_date) AS day, upper(text_of(plan_type)) AS plan_type,
    bad_date(visit_date) OR blank(visit_date) OR blank(child_id) AS invalid
  FROM (SELECT DISTINCT * FROM read_csv('{data}/visits.csv', all_varchar = true)))
SELECT * EXCLUDE (invalid) FROM typed WHERE NOT invalid AND NOT future(day) AND NOT outside_calendar(day);

CREATE TABLE supervision AS
WITH typed AS (
  SELECT child_id, day_of(recorded_date) AS day, lower(trim(kind)) AS kind,
    bad_date(recorded_date) OR blank(recorded_date) OR blank(child_id) AS invalid
  FROM (SELECT DISTINCT * FROM read_csv('{data}/supervision.csv', all_varchar = true)))
SELECT * EXCLUDE (invalid) FROM typed WHERE NOT invalid AND NOT future(day);

