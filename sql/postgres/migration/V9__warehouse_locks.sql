-- one writer per warehouse: the lock a run holds on the published file it builds, as a lease it renews
-- while it works. a lease that ran out belongs to a process that was killed or cut off from the store,
-- and the next run may take the lock over. leases are timed by the server's clock, so that hosts whose
-- clocks differ still agree on who holds a lock.
create table etl_orchestration.warehouse_locks (
    -- the published warehouse: the canonical path of its file (real directory + file name)
    warehouse        text primary key,
    -- the holder's secret identity, chosen when it acquired the lock; only the holder renews or releases
    holder_token     varchar(64) not null,
    -- the run working under the lock, empty for the instant between taking the lock and starting the run
    run_id           bigint references etl_orchestration.pipeline_runs (run_id) on delete set null,
    host             varchar(255) not null,
    pid              bigint not null,
    acquired_at      timestamptz not null,
    lease_until      timestamptz not null,
    constraint warehouse_locks_lease_after_acquired
        check (lease_until >= acquired_at)
);

comment on table etl_orchestration.warehouse_locks is 'The run that holds each published warehouse, with its lease';

-- a run whose process stopped renewing its lease without finishing is recorded as abandoned by the next
-- command that finds it
alter table etl_orchestration.pipeline_runs
    drop constraint pipeline_runs_status_check,
    add constraint pipeline_runs_status_check
        check (status in ('running', 'success', 'failed', 'cancelled', 'abandoned'));
