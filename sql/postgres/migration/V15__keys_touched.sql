-- etl orchestration: keys touched. A file read by a run that started from a published warehouse is compared, by
-- key, with that warehouse's raw table: the keys only in the new file (new), in both with rows that differ
-- (changed) and only in the published table (gone). The run records how many orders those keys touch.
alter table etl_orchestration.data_loads
    add column keys_new bigint
        constraint data_loads_keys_new_not_negative check (keys_new >= 0),
    add column keys_changed bigint
        constraint data_loads_keys_changed_not_negative check (keys_changed >= 0),
    add column keys_gone bigint
        constraint data_loads_keys_gone_not_negative check (keys_gone >= 0);

comment on column etl_orchestration.data_loads.keys_new is
    'Keys of the file not in the raw table of the warehouse the run started from; empty when not compared '
    '(a full run, or the file carried over)';
comment on column etl_orchestration.data_loads.keys_changed is
    'Keys in both whose rows differ; empty when not compared';
comment on column etl_orchestration.data_loads.keys_gone is
    'Keys of the published raw table no longer in the file; empty when not compared';

alter table etl_orchestration.pipeline_runs
    add column orders_affected bigint
        constraint pipeline_runs_orders_affected_not_negative check (orders_affected >= 0);

comment on column etl_orchestration.pipeline_runs.orders_affected is
    'Distinct orders of the keys new, changed or gone in the files of orders, items, payments and reviews, and '
    'the orders placed under a customer id whose row was new, changed or gone; empty when the run compared no '
    'file by key';
