-- the most recent runs, newest first, each with the totals of its tasks and file loads
with

recent_runs as (
    select
        run_id,
        pipeline_name,
        status,
        started_at,
        completed_at,
        rows_processed,
        error_message,
        run_mode,
        orders_affected
    from etl_orchestration.pipeline_runs
    order by started_at desc, run_id desc
    limit :limit
),

task_totals as (
    select
        t.run_id,
        count(*)                                   as tasks,
        count(*) filter (where t.status = 'failed') as tasks_failed
    from etl_orchestration.task_executions as t
    where t.run_id in (select run_id from recent_runs)
    group by t.run_id
),

load_totals as (
    select
        l.run_id,
        count(*) filter (where l.carried_over_from is null)     as files_loaded,
        count(*) filter (where l.carried_over_from is not null) as files_carried_over,
        sum(l.rows_read)        as rows_read,
        sum(l.rows_loaded)      as rows_loaded,
        sum(l.rows_quarantined) as rows_quarantined,
        sum(l.keys_new + l.keys_changed + l.keys_gone) as keys_touched
    from etl_orchestration.data_loads as l
    where l.run_id in (select run_id from recent_runs)
    group by l.run_id
)

select
    r.run_id,
    r.pipeline_name,
    r.status,
    r.started_at,
    r.completed_at,
    r.rows_processed,
    r.error_message,
    r.run_mode,
    coalesce(t.tasks, 0)            as tasks,
    coalesce(t.tasks_failed, 0)     as tasks_failed,
    coalesce(l.files_loaded, 0)     as files_loaded,
    coalesce(l.files_carried_over, 0) as files_carried_over,
    coalesce(l.rows_read, 0)        as rows_read,
    coalesce(l.rows_loaded, 0)      as rows_loaded,
    coalesce(l.rows_quarantined, 0) as rows_quarantined,
    l.keys_touched,
    r.orders_affected
from recent_runs as r
left join task_totals as t on t.run_id = r.run_id
left join load_totals as l on l.run_id = r.run_id
order by r.started_at desc, r.run_id desc
