-- security: the login the application connects with may act as the database role of the person it serves.
--
-- The web application reads the operational store for a person in transactions that begin with
-- `set local role olist_<role>` (olist_viewer, olist_analyst, olist_admin of v12), so that the grants and
-- row-level security of that role decide what the person sees. A superuser may set any role; any other login
-- must be a member of those roles. Here the migrating login (the one the application connects with) is made a
-- member that may set each role but inherits none of its rights (set true, inherit false on PostgreSQL 16 and
-- newer; a plain grant before). When it may not grant a role (no admin option on it), or a role is missing
-- (v12 could not create it), a notice says so and the schema works as before: reads acting as that role fail.

do
$$
declare
    superuser boolean := (select rolsuper from pg_roles where rolname = current_user);
    newer boolean := current_setting('server_version_num')::int >= 160000;
    role_name text;
begin
    if superuser then
        return;
    end if;
    foreach role_name in array array['olist_viewer', 'olist_analyst', 'olist_admin'] loop
        if not exists (select 1 from pg_roles where rolname = role_name) then
            raise notice 'role % does not exist; % cannot act as it', role_name, current_user;
            continue;
        end if;
        if pg_has_role(current_user, role_name, case when newer then 'SET' else 'MEMBER' end) then
            continue;
        end if;
        begin
            if newer then
                execute format('grant %I to %I with inherit false, set true', role_name, current_user);
            else
                execute format('grant %I to %I', role_name, current_user);
            end if;
        exception when insufficient_privilege then
            raise notice '% may not grant itself role %; a superuser must: grant % to %',
                current_user, role_name, role_name, current_user;
        end;
    end loop;
end;
$$;

-- the analyst also sees the pipeline runs and their quality results (which olist_analyst could already read)
update security_audit.roles
set description = 'Dashboards, the pipeline runs and their quality results, and read-only SQL over the schemas mart and core',
    permissions = '{"dashboards": "read", "runs": "read", "sql": "read"}'
where role_name = 'analyst';
