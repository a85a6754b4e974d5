-- On-call: teams, the business services they own (a projection of classification's service events),
-- qualifications for response roles, schedules (layers as JSON) and overrides.

create table business_service (
    name          text        primary key,
    owning_team   text        not null,
    on_call_team  text,
    tier          integer     not null,
    customer_facing boolean   not null,
    changed_at    timestamptz not null     -- of the newest event applied: an older one arriving late is ignored
);
create index business_service_owning_team on business_service (owning_team);

create table team (
    id         text        primary key check (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    name       text        not null,
    manager    text        not null,
    members    text[]      not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    version    integer     not null default 0
);

create table qualification (
    id          uuid        primary key,
    person      text        not null,
    role        text        not null check (role in ('INCIDENT_COMMANDER', 'COMMS_LEAD', 'TECH_LEAD', 'TEAM_ON_CALL')),
    trained_on  date        not null,
    valid_from  timestamptz not null,
    valid_until timestamptz,
    evidence    text        not null,
    recorded_by text        not null,
    recorded_at timestamptz not null,
    check (valid_until is null or valid_until > valid_from)
);
create index qualification_person_role on qualification (person, role);

create table schedule (
    id           uuid        primary key,
    team_id      text        not null references team (id),
    role         text        not null check (role in ('INCIDENT_COMMANDER', 'COMMS_LEAD', 'TECH_LEAD', 'TEAM_ON_CALL')),
    name         text        not null,
    time_zone    text        not null,
    layers       text        not null,        -- JSON list of layers
    participants text[]      not null,        -- everyone in any layer, for lookups by person
    succession   text[]      not null,
    created_by   text        not null,
    created_at   timestamptz not null,
    updated_by   text        not null,
    updated_at   timestamptz not null,
    version      integer     not null default 0,
    unique (team_id, name)
);
create index schedule_team_role on schedule (team_id, role);
create index schedule_participants on schedule using gin (participants);

create table schedule_override (
    id          uuid        primary key,
    schedule_id uuid        not null references schedule (id) on delete cascade,
    person      text        not null,
    replaces    text,
    starts_at   timestamptz not null,
    ends_at     timestamptz not null check (ends_at > starts_at),
    reason      text,
    created_by  text        not null,
    created_at  timestamptz not null
);
create index schedule_override_schedule on schedule_override (schedule_id, ends_at);
