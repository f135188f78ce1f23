-- data quality evidence: every run now records the result of each rule (quality_checks) and a report
-- (quality_reports), written together by the repository (QualityResults.record). A check that could not
-- run is a result of its own, 'error', and counts as a failure of its rule's severity.
--
-- what changes, and why:
-- * quality_reports.checks_errored: checks that could not run. v2 counted only passed, failed and warned,
--   and let them add up to less than total_checks; the gap had no name. Now
--   passed + failed + warned + errored = total.
-- * quality_reports.rows_quarantined: source rows the run's loads could not read, so a report says how
--   much of the input its score is about without joining data_loads.
-- * quality_reports_critical_within_failed becomes critical_failures <= checks_failed + checks_errored:
--   a critical rule whose check could not run blocks publishing exactly like one that failed, and is
--   counted among the critical failures.
-- * quality_checks.failure_details takes a fixed shape: null, or an object whose "sample" (when present)
--   is an array of offending rows, each an object of column name to value as text, and whose "error"
--   (when present) is the text of why the check could not run: {"sample": [{...}], "error": "..."}.
--   quality_checks.status already allows 'pass', 'warn', 'fail' and 'error' (v2).
--
-- rows written before this version (by hand: no repository wrote reports or checks before it):
-- * a report's checks_errored is set to total - passed - failed - warned. That gap was the checks that
--   neither passed, failed nor warned, i.e. the errors (the one other status of a check), and v2's
--   constraint kept it >= 0, so every old row satisfies the new equality; a row with a null count
--   satisfies it too (a check on null is not false), as it did v2's. Its rows_quarantined becomes 0.
-- * failure_details written before is not checked (the constraint is added not valid), so the migration
--   cannot fail on hand-written evidence of another shape: the shape applies to rows written from now on,
--   and the repository reads an older row that lacks it as an invalid check, naming its rule and run.

alter table data_quality.quality_reports
    add column checks_errored integer not null default 0
        constraint quality_reports_checks_errored_not_negative check (checks_errored >= 0),
    add column rows_quarantined bigint not null default 0
        constraint quality_reports_rows_quarantined_not_negative check (rows_quarantined >= 0);

comment on column data_quality.quality_reports.checks_errored is 'Checks that could not run';
comment on column data_quality.quality_reports.rows_quarantined is
    'Source rows the run''s loads could not read and quarantined';

update data_quality.quality_reports
set checks_errored = total_checks - checks_passed - checks_failed - checks_warned
where total_checks - checks_passed - checks_failed - checks_warned > 0;

alter table data_quality.quality_reports
    drop constraint quality_reports_counts_add_up,
    add constraint quality_reports_counts_add_up
        check (checks_passed + checks_failed + checks_warned + checks_errored = total_checks),
    drop constraint quality_reports_critical_within_failed,
    add constraint quality_reports_critical_within_failed
        check (critical_failures <= checks_failed + checks_errored);

alter table data_quality.quality_checks
    add constraint quality_checks_failure_details_shape check (
        failure_details is null
        or (jsonb_typeof(failure_details) = 'object'
            and coalesce(jsonb_typeof(failure_details -> 'sample'), 'array') = 'array'
            and coalesce(jsonb_typeof(failure_details -> 'error'), 'string') = 'string')
    ) not valid;

comment on column data_quality.quality_checks.failure_details is
    'Evidence: {"sample": [offending rows, column to text], "error": why the check could not run}; null when none';
