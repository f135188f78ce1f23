-- etl orchestration: what ran, when, how it ended, and what each source file contributed.
--
-- departures from the design document (000, "create operational tables"), and why:
-- * bigint identities instead of serial: ids never wrap, and "generated always" stops hand-picked ids.
-- * timestamptz instead of timestamp: the pipeline records instants; timestamp without time zone
--   would silently depend on the session's time zone.
-- * duration_ms (bigint, generated) instead of duration_seconds integer: a model build or a file load
--   often takes less than a second, and an integer of seconds turns it into 0.
-- * no run_timestamp: it duplicated started_at; "recent runs" is an index on started_at instead.
-- * counts are bigint: 100x the real dataset is ~155 m rows, near int's limit for rows_processed.
-- * metadata jsonb is called parameters and is never null: it holds the run's parameters.
-- * status columns keep the design's check lists, plus a check that completed_at is set exactly when
--   the run (task) is no longer running, so a half-written finish cannot be stored.

-- the schemas themselves are created by flyway, which PostgresOps configures to manage etl_orchestration,
-- data_quality and security_audit (its history table lives in etl_orchestration, not in public, where
-- PostgreSQL 15+ no longer lets every user create tables).
comment on schema etl_orchestration is 'ETL pipeline metadata and orchestration state';

create table etl_orchestration.pipeline_runs (
    run_id           bigint generated always as identity primary key,
    pipeline_name    varchar(100) not null,
    status           varchar(20) not null
                     check (status in ('running', 'success', 'failed', 'cancelled')),
    started_at       timestamptz not null default now(),
    completed_at     timestamptz,
    -- wall time in milliseconds, empty while running
    duration_ms      bigint generated always as
                     ((extract(epoch from (completed_at - started_at)) * 1000)::bigint) stored,
    -- source rows read in the run
    rows_processed   bigint check (rows_processed >= 0),
    error_message    text,
    parameters       jsonb not null default '{}'::jsonb,
    created_by       varchar(100) not null default current_user,
    constraint pipeline_runs_completed_when_not_running
        check ((status = 'running') = (completed_at is null)),
    constraint pipeline_runs_ends_after_start
        check (completed_at >= started_at)
);

-- "recent runs", newest first, is the common read; run_id breaks ties between equal start times
create index idx_pipeline_runs_recent on etl_orchestration.pipeline_runs (started_at desc, run_id desc);
-- runs still in flight (or left behind by a killed process) are few and looked up by status
create index idx_pipeline_runs_running on etl_orchestration.pipeline_runs (pipeline_name)
    where status = 'running';

comment on table etl_orchestration.pipeline_runs is 'Tracks all ETL pipeline executions';

create table etl_orchestration.task_executions (
    task_id          bigint generated always as identity primary key,
    run_id           bigint not null references etl_orchestration.pipeline_runs (run_id) on delete cascade,
    task_name        varchar(200) not null,
    -- the step kind: extract, load, transform, check, publish
    task_type        varchar(50) not null,
    status           varchar(20) not null
                     check (status in ('pending', 'running', 'success', 'failed', 'skipped')),
    started_at       timestamptz,
    completed_at     timestamptz,
    duration_ms      bigint generated always as
                     ((extract(epoch from (completed_at - started_at)) * 1000)::bigint) stored,
    rows_affected    bigint check (rows_affected >= 0),
    error_message    text,
    retry_count      integer not null default 0 check (retry_count >= 0),
    metadata         jsonb,
    constraint task_executions_completed_when_done
        check ((status in ('pending', 'running')) = (completed_at is null)),
    constraint task_executions_ends_after_start
        check (completed_at >= started_at)
);

-- a run's tasks are read together, in the order they started
create index idx_task_executions_run on etl_orchestration.task_executions (run_id, started_at, task_id);
-- the design's plain index on status has three or four distinct values: only failures are looked up
create index idx_task_executions_failed on etl_orchestration.task_executions (run_id)
    where status = 'failed';

comment on table etl_orchestration.task_executions is 'Individual task executions within pipeline runs';

-- not in the design's ddl, but in its picture (004) and in the architecture: one row per source file
-- per run, with the file's fingerprint and where every one of its rows went.
create table etl_orchestration.data_loads (
    load_id          bigint generated always as identity primary key,
    run_id           bigint not null references etl_orchestration.pipeline_runs (run_id) on delete cascade,
    -- the contract's file name, e.g. olist_orders_dataset.csv
    source_file      varchar(200) not null,
    -- the absolute path read
    file_path        text not null,
    file_size_bytes  bigint not null check (file_size_bytes >= 0),
    -- hex sha-256 of the file's bytes
    sha256           char(64) not null
                     constraint data_loads_sha256_is_hex check (sha256 ~ '^[0-9a-fA-F]{64}$'),
    rows_read        bigint not null check (rows_read >= 0),
    rows_loaded      bigint not null check (rows_loaded >= 0),
    rows_quarantined bigint not null check (rows_quarantined >= 0),
    loaded_at        timestamptz not null default now(),
    -- no row is silently dropped: every row read was either loaded or quarantined
    constraint data_loads_rows_reconcile check (rows_read = rows_loaded + rows_quarantined)
);

create index idx_data_loads_run on etl_orchestration.data_loads (run_id, load_id);
-- "is this file unchanged since its last good load?" looks up the newest load of a file
create index idx_data_loads_file_recent on etl_orchestration.data_loads (source_file, loaded_at desc);

comment on table etl_orchestration.data_loads is 'Source files loaded by each run: fingerprint and row counts';

-- rows that could not be read, kept with everything needed to find and fix them
create table etl_orchestration.quarantined_rows (
    quarantine_id    bigint generated always as identity primary key,
    run_id           bigint not null references etl_orchestration.pipeline_runs (run_id) on delete cascade,
    source_file      varchar(200) not null,
    -- 1-based line where the row starts; the header is line 1
    line_number      bigint not null check (line_number >= 1),
    -- the row's text as it stood in the file
    raw_text         text not null,
    -- why it could not be read, naming the column and value where there is one
    reason           text not null,
    recorded_at      timestamptz not null default now()
);

create index idx_quarantined_rows_run on etl_orchestration.quarantined_rows (run_id, source_file, line_number);

comment on table etl_orchestration.quarantined_rows is 'Source rows that could not be read, with file, line and reason';
