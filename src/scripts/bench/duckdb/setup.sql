-- Reference SQL for `npm run bench` and `npm run bench:check-sql`: loads the
-- extracts as csc-metrics reads them (extracts.md), so the indicator files can
-- follow indicators.md literally. {data}, {calendar}, {from}, {to}, {as_at} and
-- {extracted_on} are filled in by reference.ts. Canonical header names only.
SET VARIABLE period_from = DATE '{from}';
SET VARIABLE period_to = DATE '{to}';
SET VARIABLE as_at = DATE '{as_at}';
SET VARIABLE extracted_on = DATE '{extracted_on}';

-- The working calendar csc-metrics uses: cum = working days on or before day.
CREATE TABLE calendar AS SELECT day::DATE AS day, working::BOOLEAN AS working, cum::INTEGER AS cum FROM read_csv('{calendar}', all_varchar = true);
SET VARIABLE calendar_first = (SELECT min(day) FROM calendar);
SET VARIABLE calendar_last = (SELECT max(day) FROM calendar);

-- Value formats: ISO or UK dates, optionally with a time; flags in any listed spelling.
CREATE MACRO blank(v) AS v IS NULL OR trim(v) = '';
-- The third character tells UK from ISO, so each value is tried against its own formats only.
CREATE MACRO parse_time(v) AS CASE WHEN trim(v)[3] = '/'
  THEN try_strptime(trim(v), ['%d/%m/%Y', '%d/%m/%Y %H:%M', '%d/%m/%Y %H:%M:%S'])
  ELSE try_strptime(trim(v), ['%Y-%m-%d', '%Y-%m-%d %H:%M', '%Y-%m-%dT%H:%M', '%Y-%m-%d %H:%M:%S', '%Y-%m-%dT%H:%M:%S']) END;
CREATE MACRO has_time(v) AS length(trim(v)) > 10;
CREATE MACRO day_of(v) AS CAST(parse_time(v) AS DATE);
CREATE MACRO bad_date(v) AS NOT blank(v) AND parse_time(v) IS NULL;
CREATE MACRO flag(v) AS CASE WHEN lower(trim(v)) IN ('y', 'yes', 'true', '1') THEN true
  WHEN lower(trim(v)) IN ('n', 'no', 'false', '0') THEN false END;
CREATE MACRO text_of(v) AS nullif(trim(v), '');
-- Rejected rows (extracts.md "Bad input"): a date after the extract, or a clock date outside the calendar.
CREATE MACRO future(d) AS coalesce(d > getvariable('extracted_on'), false);
CREATE MACRO outside_calendar(d) AS coalesce(d NOT BETWEEN getvariable('calendar_first') AND getvariable('calendar_last'), false);
-- Elapsed seconds between two UK local clock times.
CREATE MACRO london_epoch(t) AS epoch(timezone('Europe/London', t));

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

-- Children open on the as-at date (start <= as-at, end blank or >= as-at), one row per plan.
CREATE VIEW open_plans AS
SELECT * FROM plans WHERE start <= getvariable('as_at') AND (finish IS NULL OR finish >= getvariable('as_at'));
