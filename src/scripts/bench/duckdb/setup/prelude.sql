-- The reference SQL's set-up, first part: the period, the working calendar and
-- how values are read. Then checked.sql or lean.sql loads the extracts, and
-- views.sql adds what the indicator files share. {data}, {calendar}, {from},
-- {to}, {as_at} and {extracted_on} are filled in by reference.ts.
SET VARIABLE period_from = DATE '{from}';
SET VARIABLE period_to = DATE '{to}';
SET VARIABLE as_at = DATE '{as_at}';
SET VARIABLE extracted_on = DATE '{extracted_on}';

-- The working calendar csc-metrics uses: cum = working days on or before day.
CREATE TABLE calendar AS SELECT day::DATE AS day, working::BOOLEAN AS working, cum::INTEGER AS cum FROM read_csv('{calendar}', all_varchar = true);
SET VARIABLE calendar_first = (SELECT min(day) FROM calendar);
SET VARIABLE calendar_last = (SELECT max(day) FROM calendar);

-- Value formats: ISO or UK dates, optionally with a time; flags in any listed spelling.
-- The third character tells UK from ISO, so each value is tried against its own formats only.
CREATE MACRO parse_time(v) AS CASE WHEN trim(v)[3] = '/'
  THEN try_strptime(trim(v), ['%d/%m/%Y', '%d/%m/%Y %H:%M', '%d/%m/%Y %H:%M:%S'])
  ELSE try_strptime(trim(v), ['%Y-%m-%d', '%Y-%m-%d %H:%M', '%Y-%m-%dT%H:%M', '%Y-%m-%d %H:%M:%S', '%Y-%m-%dT%H:%M:%S']) END;
CREATE MACRO has_time(v) AS length(trim(v)) > 10;
CREATE MACRO day_of(v) AS CAST(parse_time(v) AS DATE);
CREATE MACRO flag(v) AS CASE WHEN lower(trim(v)) IN ('y', 'yes', 'true', '1') THEN true
  WHEN lower(trim(v)) IN ('n', 'no', 'false', '0') THEN false END;
CREATE MACRO text_of(v) AS nullif(trim(v), '');
-- Elapsed seconds between two UK local clock times.
CREATE MACRO london_epoch(t) AS epoch(timezone('Europe/London', t));

