-- The test application's incident table: the columns platform IncidentFacts keeps (a service adds its own beside them).
create table incident (
    incident_id      uuid        primary key,
    incident_key     text        not null,
    title            text        not null,
    business_service text        not null,
    priority         text        not null,
    drill            boolean     not null,
    declared_by      text,
    response_status  text        not null,
    detected_at      timestamptz not null,
    declared_at      timestamptz not null,
    acknowledged_at  timestamptz,
    mitigated_at     timestamptz,
    resolved_at      timestamptz,
    closed_at        timestamptz,
    reopen_count     integer     not null default 0,
    updated_at       timestamptz not null
);
