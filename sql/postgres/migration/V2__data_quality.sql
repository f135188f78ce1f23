-- data quality: the rules, the result of each rule in each run, and the reports built from them.
--
-- departures from the design document (000), and why:
-- * bigint identities, timestamptz and bigint row counts, as in v1.
-- * rule_type also allows 'uniqueness': key uniqueness is the most common check of a star schema and
--   fits none of the design's five dimensions.
-- * quality_rules.is_blocking: the architecture publishes a build only when its blocking checks pass;
--   that must be stated per rule, not guessed from severity.
-- * updated_at is kept current by a trigger; the design's default alone only ever held the insert time.
-- * quality_checks: one result per rule per run (unique), rows_failed cannot exceed rows_checked, and
--   failure_rate is null when rows_checked is unknown instead of a reassuring 0. failure_details holds
--   the failing-row samples.
-- * quality_reports: a report may belong to one run (run_id, unique); the design's one-report-per-day
--   stays possible for reports without a run (partial unique index), since a day may see many runs.
--   Counts and the score are checked to be consistent.
-- * the design's low-selectivity index on status is replaced by a partial index on failures.

comment on schema data_quality is 'Data quality rules, checks, and reports';

create function data_quality.touch_updated_at() returns trigger
    language plpgsql as
$$
begin
    new.updated_at := now();
    return new;
end;
$$;

create table data_quality.quality_rules (
    rule_id          bigint generated always as identity primary key,
    rule_name        varchar(100) not null unique,
    rule_type        varchar(50) not null
                     check (rule_type in ('completeness', 'accuracy', 'consistency', 'timeliness',
                                          'validity', 'uniqueness')),
    description      text,
    -- a query over the warehouse that returns the offending rows: zero rows = pass
    sql_check        text,
    -- highest acceptable failure rate, in percent
    threshold_value  numeric(5, 2) check (threshold_value between 0 and 100),
    severity         varchar(20) not null default 'medium'
                     check (severity in ('low', 'medium', 'high', 'critical')),
    -- a failing blocking rule stops the build from being published
    is_blocking      boolean not null default false,
    is_active        boolean not null default true,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now()
);

create index idx_quality_rules_active on data_quality.quality_rules (is_active) where is_active;

create trigger quality_rules_touch_updated_at
    before update on data_quality.quality_rules
    for each row execute function data_quality.touch_updated_at();

comment on table data_quality.quality_rules is 'Data quality rule definitions';

create table data_quality.quality_checks (
    check_id           bigint generated always as identity primary key,
    run_id             bigint not null references etl_orchestration.pipeline_runs (run_id) on delete cascade,
    rule_id            bigint not null references data_quality.quality_rules (rule_id),
    check_timestamp    timestamptz not null default now(),
    status             varchar(20) not null check (status in ('pass', 'fail', 'warn', 'error')),
    rows_checked       bigint check (rows_checked >= 0),
    rows_failed        bigint check (rows_failed >= 0),
    -- percent of checked rows that failed; null when not known
    failure_rate       numeric(5, 2) generated always as (
                           case
                               when rows_checked > 0 then round(rows_failed * 100.0 / rows_checked, 2)
                               when rows_checked = 0 then 0
                           end
                       ) stored,
    execution_time_ms  bigint check (execution_time_ms >= 0),
    -- samples of the failing rows and any detail of an error
    failure_details    jsonb,
    remediation_status varchar(20) not null default 'pending'
                       check (remediation_status in ('pending', 'in_progress', 'resolved', 'ignored')),
    constraint quality_checks_one_per_rule_and_run unique (run_id, rule_id),
    constraint quality_checks_failed_within_checked check (rows_failed <= rows_checked)
);

create index idx_quality_checks_rule_recent on data_quality.quality_checks (rule_id, check_timestamp desc);
create index idx_quality_checks_timestamp on data_quality.quality_checks (check_timestamp desc);
create index idx_quality_checks_failures on data_quality.quality_checks (run_id)
    where status in ('fail', 'error');

comment on table data_quality.quality_checks is 'Results of quality checks executed during ETL runs';

create table data_quality.quality_reports (
    report_id             bigint generated always as identity primary key,
    run_id                bigint unique references etl_orchestration.pipeline_runs (run_id) on delete cascade,
    report_date           date not null default current_date,
    overall_quality_score numeric(5, 2) check (overall_quality_score between 0 and 100),
    total_checks          integer check (total_checks >= 0),
    checks_passed         integer check (checks_passed >= 0),
    checks_failed         integer check (checks_failed >= 0),
    checks_warned         integer check (checks_warned >= 0),
    critical_failures     integer check (critical_failures >= 0),
    generated_at          timestamptz not null default now(),
    constraint quality_reports_counts_add_up
        check (checks_passed + checks_failed + checks_warned <= total_checks),
    constraint quality_reports_critical_within_failed
        check (critical_failures <= checks_failed)
);

create unique index uq_quality_reports_daily on data_quality.quality_reports (report_date)
    where run_id is null;
create index idx_quality_reports_date on data_quality.quality_reports (report_date desc);

comment on table data_quality.quality_reports is 'Data quality summary reports, per run or per day';
