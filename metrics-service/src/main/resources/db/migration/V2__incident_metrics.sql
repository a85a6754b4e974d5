-- Metrics' own picture, from every topic through the inbox: per incident the ledger of everything known (JSON, folded
-- in any order) and the figures computed from it; data-quality findings with their provenance; the catalog's owning
-- teams and response's team members (for the team dimension and MTTE).

create table incident_metric (
    incident_id           uuid        primary key,
    incident_key          text,
    business_service      text,
    priority              text,
    initial_priority      text,
    drill                 boolean     not null default false,
    declared_at           timestamptz,
    resolved_at           timestamptz,
    mtta_seconds          bigint,
    mttr_seconds          bigint,
    mtte_seconds          bigint,
    included              boolean     not null default false, -- counted: not a drill and no open finding
    ledger                text        not null,               -- JSON IncidentLedger
    updated_at            timestamptz not null,
    version               bigint      not null default 0
);
create index incident_metric_declared on incident_metric (declared_at);

create table hop_latency (
    incident_id     uuid    not null references incident_metric (incident_id),
    event_id        text    not null,
    team_id         text,
    to_level        integer not null,
    latency_seconds bigint  not null,
    escalated_at    timestamptz not null,
    primary key (incident_id, event_id)
);

create table data_quality_finding (
    incident_id uuid        not null references incident_metric (incident_id),
    rule        text        not null,
    detail      text        not null,
    evidence    text        not null,   -- JSON [event id, …]
    found_at    timestamptz not null,
    resolved_at timestamptz,            -- a later event corrected it upstream
    primary key (incident_id, rule)
);
create index data_quality_finding_open on data_quality_finding (found_at) where resolved_at is null;

create table catalog_service (
    name        text        primary key,
    owning_team text        not null,
    updated_at  timestamptz not null
);

create table team (
    team_id text primary key,
    name    text not null,
    members text not null               -- JSON [person, …]
);
