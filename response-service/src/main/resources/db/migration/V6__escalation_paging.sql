-- Escalation policies, and the paging of incidents: one escalation per target (a policy or a role
-- schedule), one page per person, level and round, with the database guarding "nothing twice".

create table escalation_policy (
    id                 uuid        primary key,
    team_id            text        not null references team (id),
    name               text        not null,
    levels             text        not null,   -- JSON [{targets: [{type, ref}], delayMinutes}]
    repeat_count       integer     not null check (repeat_count between 0 and 9),
    window_p1_seconds  integer     not null check (window_p1_seconds > 0),
    window_p2_seconds  integer     not null check (window_p2_seconds > 0),
    is_default         boolean     not null,
    updated_by         text        not null,
    updated_at         timestamptz not null,
    version            integer     not null default 0,
    unique (team_id, name)
);
-- A team's default policy pages for the business services it owns.
create unique index escalation_policy_one_default on escalation_policy (team_id) where is_default;

create table incident_paging (
    incident_id       uuid        primary key,
    incident_key      text        not null,
    title             text        not null,
    business_service  text        not null,
    priority          text        not null,
    drill             boolean     not null,
    responsible_teams text[]      not null,
    status            text        not null check (status in ('ACTIVE', 'ACKNOWLEDGED', 'STOPPED', 'LOW_URGENCY')),
    declared_at       timestamptz not null,
    first_page_at     timestamptz,
    acknowledged_by   text,
    acknowledged_at   timestamptz,
    acknowledged_via  text,
    updated_at        timestamptz not null,
    version           integer     not null default 0
);

create table escalation (
    id               uuid        primary key,
    incident_id      uuid        not null references incident_paging (incident_id),
    target_key       text        not null,  -- policy:<id>, team:<id> or role:<ROLE>:<schedule id>
    kind             text        not null check (kind in ('SERVICE', 'RESPONSIBLE_TEAM', 'ROLE')),
    policy_id        uuid,
    schedule_id      uuid,
    team_id          text,
    role             text,
    level            integer     not null,
    round            integer     not null,
    status           text        not null check (status in ('ACTIVE', 'ACKNOWLEDGED', 'STOPPED', 'EXHAUSTED')),
    level_started_at timestamptz not null,
    due_at           timestamptz,
    delayed_until    timestamptz,
    created_at       timestamptz not null,
    version          integer     not null default 0,
    unique (incident_id, target_key)
);

create table page (
    id               uuid        primary key,
    incident_id      uuid        not null references incident_paging (incident_id),
    escalation_id    uuid        not null references escalation (id),
    level            integer     not null,
    round            integer     not null,
    person           text        not null,
    team_id          text,
    role             text,
    urgency          text        not null,
    status           text        not null check (status in ('TRIGGERED', 'DELIVERED', 'FAILED', 'ACKNOWLEDGED', 'CANCELLED')),
    triggered_at     timestamptz not null,
    delivered_at     timestamptz,
    delivered_via    text,
    acknowledged_at  timestamptz,
    link_used_at     timestamptz,
    version          integer     not null default 0,
    -- Nothing twice: one page per person per escalation level (and repeat round) per incident, whatever
    -- redelivery, restart or replica tries.
    constraint page_once_per_person_level unique (incident_id, level, round, person)
);
create index page_incident on page (incident_id);
create index page_person on page (person, triggered_at);
