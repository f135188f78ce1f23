-- security: password hashes, the application roles of the domain (viewer, analyst, admin), and database
-- roles with grants and row-level security for connections acting for those roles.
--
-- * users.password_hash holds an argon2id hash in the PHC string format ($argon2id$v=19$m=...,t=...,p=...$salt$hash),
--   written and checked by the application; a null hash means the user cannot log in (the seeded admin of v3).
-- * roles: viewer is added, analyst's permissions are those of the domain's ApplicationRole (dashboards and
--   read-only SQL over mart and core); data_engineer stays, and allows nothing in the application.
-- * database roles olist_viewer, olist_analyst, olist_admin: nologin, granted to no one here. A login the
--   application uses for a person (or set role on a connection) gets one of them. When the migrating login may
--   not create roles, the roles and their grants are skipped with a notice; the schema works without them.
-- * what they may read: viewer the runs; analyst the runs, tasks, loads and quality rules, checks and reports
--   (not the quarantined rows, which hold raw source lines with personal data, and nothing of security_audit
--   but appending to the trail); admin everything. Nobody is granted update, delete or truncate on audit_logs,
--   and v3's trigger refuses them to everybody, the owner included.
-- * row-level security on users, roles and user_roles: only olist_admin has a policy, so any other role
--   that were granted the tables would still see no row. The owner (the pipeline) bypasses rls as before.

alter table security_audit.users
    add column password_hash       text check (password_hash like '$argon2id$%'),
    add column password_changed_at timestamptz;

comment on column security_audit.users.password_hash is 'argon2id hash, PHC string format; null: cannot log in';

insert into security_audit.roles (role_name, description, permissions) values
    ('viewer', 'Dashboards only', '{"dashboards": "read"}')
on conflict (role_name) do nothing;

update security_audit.roles
set description = 'Dashboards and read-only SQL over the schemas mart and core',
    permissions = '{"dashboards": "read", "sql": "read"}'
where role_name = 'analyst';

update security_audit.roles
set description = 'Everything: users, quality rules, personal data in clear, the audit trail'
where role_name = 'admin';

alter table security_audit.users enable row level security;
alter table security_audit.roles enable row level security;
alter table security_audit.user_roles enable row level security;

revoke all on security_audit.audit_logs from public;

do
$$
declare
    may_create boolean := (select rolsuper or rolcreaterole from pg_roles where rolname = current_user);
    role_name text;
begin
    foreach role_name in array array['olist_viewer', 'olist_analyst', 'olist_admin'] loop
        if not exists (select 1 from pg_roles where rolname = role_name) then
            if not may_create then
                raise notice 'role % not created: % may not create roles; grants to it skipped', role_name, current_user;
                continue;
            end if;
            execute format('create role %I nologin', role_name);
        end if;
    end loop;

    if exists (select 1 from pg_roles where rolname = 'olist_viewer') then
        grant usage on schema etl_orchestration to olist_viewer;
        grant select on etl_orchestration.pipeline_runs to olist_viewer;
        grant usage on schema security_audit to olist_viewer;
        grant insert on security_audit.audit_logs to olist_viewer;
    end if;

    if exists (select 1 from pg_roles where rolname = 'olist_analyst') then
        grant usage on schema etl_orchestration, data_quality to olist_analyst;
        grant select on etl_orchestration.pipeline_runs, etl_orchestration.task_executions,
            etl_orchestration.data_loads to olist_analyst;
        grant select on data_quality.quality_rules, data_quality.quality_checks, data_quality.quality_reports
            to olist_analyst;
        grant usage on schema security_audit to olist_analyst;
        grant insert on security_audit.audit_logs to olist_analyst;
    end if;

    if exists (select 1 from pg_roles where rolname = 'olist_admin') then
        grant usage on schema etl_orchestration, data_quality, security_audit to olist_admin;
        grant select on all tables in schema etl_orchestration to olist_admin;
        grant select, insert, update on all tables in schema data_quality to olist_admin;
        grant select, insert, update on security_audit.users, security_audit.roles to olist_admin;
        grant select, insert, delete on security_audit.user_roles to olist_admin;
        grant select, insert on security_audit.audit_logs to olist_admin;
        create policy users_admin on security_audit.users to olist_admin using (true) with check (true);
        create policy roles_admin on security_audit.roles to olist_admin using (true) with check (true);
        create policy user_roles_admin on security_audit.user_roles to olist_admin using (true) with check (true);
    end if;
end;
$$;
