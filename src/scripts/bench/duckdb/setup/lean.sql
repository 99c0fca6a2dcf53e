-- The extracts loaded as an analyst's first SQL would: only the columns the
-- indicators read, every row as it is, without looking for duplicate rows,
-- unreadable values or impossible dates. On extracts with none of those (the
-- bench's) it gives checked.sql's figures; the bench checks that it does.
CREATE TABLE assessments AS
SELECT day_of(referral_date) AS referral, day_of(start_date) AS start, day_of(completed_date) AS completed,
  flag(child_seen) AS seen, flag(child_seen_alone) AS seen_alone, flag(child_voice_recorded) AS voice,
  coalesce(day_of(referral_date), day_of(start_date)) AS clock
FROM read_csv('{data}/assessments.csv', all_varchar = true);

CREATE TABLE missing AS
SELECT child_id, parse_time(missing_from) AS went, parse_time(returned_at) AS returned, has_time(returned_at) AS returned_timed,
  parse_time(rhi_completed_at) AS interview, has_time(rhi_completed_at) AS interview_timed,
  flag(rhi_offered) AS offered, flag(rhi_declined) AS declined, text_of(late_reason) AS late_reason
FROM read_csv('{data}/missing.csv', all_varchar = true);

CREATE TABLE plans AS
SELECT child_id, upper(trim(plan_type)) AS plan_type, day_of(start_date) AS start, day_of(end_date) AS finish
FROM read_csv('{data}/plans.csv', all_varchar = true);

CREATE TABLE visits AS
SELECT child_id, day_of(visit_date) AS day, upper(text_of(plan_type)) AS plan_type
FROM read_csv('{data}/visits.csv', all_varchar = true);

CREATE TABLE supervision AS
SELECT child_id, day_of(recorded_date) AS day, lower(trim(kind)) AS kind
FROM read_csv('{data}/supervision.csv', all_varchar = true);
