-- Business-service catalog, dependency matrix, SLA changes with sign-off.
create table business_service (
    name            text primary key,
    description     text        not null default '',
    tier            integer     not null check (tier between 1 and 4),
    owning_team     text        not null,
    owners          text        not null,           -- JSON array of user ids
    customer_facing boolean     not null,
    regulated       boolean     not null,
    on_call_team    text,
    users_total     bigint      check (users_total >= 0),
    sla             text        not null,           -- JSON: active SLA targets by priority
    default_impact  text,                           -- JSON impact facts for signals that carry none
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    version         bigint      not null default 0
);

create table service_dependency (
    dependent  text not null references business_service (name) on delete cascade,
    dependency text not null references business_service (name) on delete cascade,
    kind       text not null check (kind in ('HARD', 'SOFT')),
    primary key (dependent, dependency)
);
create index service_dependency_dependency on service_dependency (dependency);

-- Bumped by every catalog change, so each replica knows when its cached graph is stale.
create table catalog_revision (
    id       integer primary key check (id = 1),
    revision bigint not null
);
insert into catalog_revision (id, revision) values (1, 0);

create table sla_change (
    id              uuid primary key,
    service         text        not null references business_service (name) on delete cascade,
    sla             text        not null,
    status          text        not null check (status in ('PENDING', 'ACTIVE', 'SUPERSEDED')),
    proposed_by     text        not null,
    proposed_at     timestamptz not null,
    signed_off_by   text,
    signed_off_at   timestamptz,
    signoff_comment text,
    version         bigint      not null default 0
);

-- Classification policies: immutable versioned rule sets, active only after owner sign-off.
create table classification_policy (
    version           integer primary key,
    description       text        not null,
    rules             text        not null,
    status            text        not null check (status in ('DRAFT', 'PENDING_SIGNOFF', 'ACTIVE', 'SUPERSEDED')),
    affected_services text,
    created_by        text        not null,
    created_at        timestamptz not null,
    submitted_at      timestamptz,
    activated_at      timestamptz,
    row_version       bigint      not null default 0
);
create unique index classification_policy_one_active on classification_policy (status) where status = 'ACTIVE';

create table policy_signoff (
    policy_version integer     not null references classification_policy (version),
    service        text        not null,
    signed_by      text        not null,
    signed_at      timestamptz not null,
    comment        text        not null,
    primary key (policy_version, service)
);

-- Incidents carry their facts, the decision and its explanation, disputes and temporary P1.
alter table incident add column impact text not null default '{}';
alter table incident add column policy_version integer;
alter table incident add column explanation text;
alter table incident add column proposed_priority text;
alter table incident add column dispute_justification text;
alter table incident add column temporary_p1_status text check (temporary_p1_status in ('ACTIVE', 'CONFIRMED', 'DOWNGRADED', 'EXPIRED'));
alter table incident add column temporary_p1_expires_at timestamptz;
alter table incident add column temporary_p1_by text;
alter table incident add column final_priority text check (final_priority in ('P1', 'P2', 'P3', 'P4'));
alter table incident add column alert_group_id uuid;
create index incident_temporary_p1_due on incident (temporary_p1_expires_at) where temporary_p1_status = 'ACTIVE';

create table classification_decision (
    id                uuid primary key,
    incident_id       uuid        not null references incident (id),
    kind              text        not null,
    priority          text        not null,
    previous_priority text,
    policy_version    integer,
    explanation       text,
    actor             text        not null,
    reason            text,
    decided_at        timestamptz not null
);
create index classification_decision_incident on classification_decision (incident_id, decided_at);

-- Intake: integration keys (only their hash is stored), alert groups and signals.
create table integration_key (
    id          uuid primary key,
    service     text        not null references business_service (name) on delete cascade,
    name        text        not null,
    key_hash    text        not null unique,
    key_prefix  text        not null,
    status      text        not null check (status in ('ACTIVE', 'REVOKED')),
    created_by  text        not null,
    created_at  timestamptz not null,
    revoked_at  timestamptz,
    replaced_by uuid,
    version     bigint      not null default 0
);

create table alert_group (
    id              uuid primary key,
    service         text        not null,
    dedup_key       text        not null,
    status          text        not null check (status in ('TRIGGERED', 'ACKNOWLEDGED', 'RESOLVED')),
    summary         text        not null,
    severity        text        not null,
    signal_count    integer     not null,
    first_signal_at timestamptz not null,
    last_signal_at  timestamptz not null,
    resolved_at     timestamptz,
    incident_id     uuid,
    version         bigint      not null default 0
);
-- At most one open group per service and dedup key: concurrent triggers meet here.
create unique index alert_group_open on alert_group (service, dedup_key) where status <> 'RESOLVED';

create table signal (
    id                 uuid primary key,
    alert_group_id     uuid references alert_group (id),
    service            text        not null,
    integration_key_id text        not null,
    action             text        not null,
    dedup_key          text        not null,
    severity           text,
    summary            text,
    source             text,
    payload            text        not null,
    received_at        timestamptz not null
);
create index signal_group on signal (alert_group_id);
