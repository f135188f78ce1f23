-- etl orchestration: incremental runs. A file whose size and sha-256 equal those of its load in the run that
-- built the published warehouse is not read again: its raw rows and quarantined rows are carried over from that
-- warehouse, and its load names the run it was carried over from. A run records how much it did again (its mode)
-- and the fingerprint of the models, rules and settings it built with, which the next run compares with its own.
alter table etl_orchestration.data_loads
    add column carried_over_from bigint;

comment on column etl_orchestration.data_loads.carried_over_from is
    'The run whose load of the same bytes this load carried over instead of reading the file; empty when read';

alter table etl_orchestration.pipeline_runs
    add column run_mode varchar(20)
        constraint pipeline_runs_run_mode_known check (run_mode in ('full', 'incremental', 'no_change')),
    add column build_fingerprint char(64)
        constraint pipeline_runs_build_fingerprint_is_hex check (build_fingerprint ~ '^[0-9a-f]{64}$');

comment on column etl_orchestration.pipeline_runs.run_mode is
    'full (every file read, everything built), incremental (some files carried over, everything built) or '
    'no_change (nothing changed: nothing loaded or built, the published warehouse kept); empty before it is known';
comment on column etl_orchestration.pipeline_runs.build_fingerprint is
    'Hex sha-256 of the models, quality rules and settings the run built with';
