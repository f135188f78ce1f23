-- security and audit: application users, their roles, and the trail of what they did.
--
-- departures from the design document (000), and why:
-- * bigint identities and timestamptz, as in v1; updated_at kept current by a trigger.
-- * roles.permissions and is_active are never null: a null would mean neither yes nor no.
-- * user_roles.assigned_by is set to null when the assigning user is deleted, instead of blocking it.
-- * audit_logs is append-only: a trigger rejects update, delete and truncate for everyone, including
--   the owner (retention jobs must disable the trigger explicitly, which is itself visible).
--   audit_logs.user_id blocks deleting a user who has a trail: deactivate the user instead.
-- * row-level security on audit_logs (the design promises rls for audit logs but gives none): a
--   database role that is not the owner sees only the entries of the application user named in the
--   session setting olist.username, or all entries if that user holds the admin role, and may only
--   append entries for that user (or anonymous ones). The owner, which runs the pipeline, bypasses rls.

comment on schema security_audit is 'User authentication, authorization, and audit logs';

create function security_audit.touch_updated_at() returns trigger
    language plpgsql as
$$
begin
    new.updated_at := now();
    return new;
end;
$$;

create table security_audit.users (
    user_id        bigint generated always as identity primary key,
    username       varchar(100) not null unique,
    email          varchar(255) not null unique check (email like '_%@_%'),
    full_name      varchar(200),
    is_active      boolean not null default true,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    last_login_at  timestamptz
);

create index idx_users_active on security_audit.users (is_active) where is_active;

create trigger users_touch_updated_at
    before update on security_audit.users
    for each row execute function security_audit.touch_updated_at();

comment on table security_audit.users is 'Application users for authentication';

create table security_audit.roles (
    role_id      bigint generated always as identity primary key,
    role_name    varchar(50) not null unique,
    description  text,
    permissions  jsonb not null default '{}'::jsonb,
    created_at   timestamptz not null default now()
);

comment on table security_audit.roles is 'User roles and permissions';

create table security_audit.user_roles (
    user_id      bigint not null references security_audit.users (user_id) on delete cascade,
    role_id      bigint not null references security_audit.roles (role_id) on delete cascade,
    assigned_at  timestamptz not null default now(),
    assigned_by  bigint references security_audit.users (user_id) on delete set null,
    primary key (user_id, role_id)
);

create index idx_user_roles_role on security_audit.user_roles (role_id);

comment on table security_audit.user_roles is 'Which user holds which role';

create table security_audit.audit_logs (
    log_id            bigint generated always as identity primary key,
    user_id           bigint references security_audit.users (user_id),
    action            varchar(100) not null,
    resource_type     varchar(50),
    resource_id       varchar(100),
    action_timestamp  timestamptz not null default now(),
    ip_address        inet,
    user_agent        text,
    status            varchar(20) check (status in ('success', 'failure', 'error')),
    details           jsonb
);

create index idx_audit_logs_user on security_audit.audit_logs (user_id, action_timestamp desc);
create index idx_audit_logs_timestamp on security_audit.audit_logs (action_timestamp desc);
create index idx_audit_logs_action on security_audit.audit_logs (action);

comment on table security_audit.audit_logs is 'Audit trail of all user actions (append-only)';

create function security_audit.reject_audit_change() returns trigger
    language plpgsql as
$$
begin
    raise exception 'security_audit.audit_logs is append-only: % is not allowed', lower(tg_op)
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_logs_append_only
    before update or delete on security_audit.audit_logs
    for each row execute function security_audit.reject_audit_change();

create trigger audit_logs_no_truncate
    before truncate on security_audit.audit_logs
    for each statement execute function security_audit.reject_audit_change();

-- the application user of the session, from the setting olist.username; null when unset or inactive.
-- security definer so that a reader restricted by rls needs no rights on users and user_roles.
create function security_audit.session_user_id() returns bigint
    language sql stable security definer set search_path = '' as
$$
    select u.user_id
    from security_audit.users as u
    where u.username = nullif(current_setting('olist.username', true), '')
      and u.is_active
$$;

create function security_audit.session_user_is_admin() returns boolean
    language sql stable security definer set search_path = '' as
$$
    select exists (
        select 1
        from security_audit.user_roles as ur
        join security_audit.roles as r on r.role_id = ur.role_id
        where ur.user_id = security_audit.session_user_id()
          and r.role_name = 'admin'
    )
$$;

alter table security_audit.audit_logs enable row level security;

create policy audit_logs_read_own_or_admin on security_audit.audit_logs
    for select
    using (security_audit.session_user_is_admin() or user_id = security_audit.session_user_id());

create policy audit_logs_append_own on security_audit.audit_logs
    for insert
    with check (user_id is null or user_id = security_audit.session_user_id());

-- =============================================================================
-- seed data, as designed
-- =============================================================================

insert into security_audit.roles (role_name, description, permissions) values
    ('admin', 'Full system access', '{"all": true}'),
    ('data_engineer', 'Can run pipelines and view quality reports', '{"pipelines": "write", "quality": "read"}'),
    ('analyst', 'Read-only access to analytics', '{"analytics": "read"}')
on conflict (role_name) do nothing;

-- the default admin has no credentials here: authentication is outside this schema
insert into security_audit.users (username, email, full_name, is_active) values
    ('admin', 'admin@olist-dw.local', 'System Administrator', true)
on conflict (username) do nothing;

insert into security_audit.user_roles (user_id, role_id)
select u.user_id, r.role_id
from security_audit.users as u
cross join security_audit.roles as r
where u.username = 'admin'
  and r.role_name = 'admin'
on conflict do nothing;
