-- scheduled operation: every attempt of a scheduled run, with the slot it served, the run it started (none when
-- it was refused before a run began, e.g. the warehouse was locked), how it ended and the alert it raised. a
-- slot's attempts are its first try and its retries.
create table etl_orchestration.scheduled_attempts (
    attempt_id       bigint generated always as identity primary key,
    -- the schedule as given, e.g. 'cron 0 2 * * * (UTC)' or 'every PT1H'
    schedule         varchar(200) not null,
    -- the published warehouse the runs build: the canonical path of its file
    warehouse        text not null,
    -- when the run was due
    slot_at          timestamptz not null,
    attempt          integer not null check (attempt >= 1),
    run_id           bigint references etl_orchestration.pipeline_runs (run_id) on delete set null,
    started_at       timestamptz not null,
    completed_at     timestamptz not null,
    succeeded        boolean not null,
    -- what `olist run` exits with: 0 success, 1 the run failed, 3 an environment problem (the lock, the store)
    exit_code        integer not null,
    message          text not null,
    alert            varchar(20) check (alert in ('failure', 'recovery')),
    constraint scheduled_attempts_ends_after_start
        check (completed_at >= started_at),
    constraint scheduled_attempts_success_exits_zero
        check (succeeded = (exit_code = 0)),
    constraint scheduled_attempts_one_per_number
        unique (warehouse, schedule, slot_at, attempt)
);

comment on table etl_orchestration.scheduled_attempts is 'Every attempt of a scheduled run, its outcome and alert';

-- "the latest attempt for this warehouse" decides whether a success is a recovery
create index idx_scheduled_attempts_latest on etl_orchestration.scheduled_attempts (warehouse, attempt_id desc);
