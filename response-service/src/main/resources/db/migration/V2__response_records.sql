create table response_record (
    incident_id      uuid primary key,
    incident_key     text        not null unique,
    title            text        not null,
    business_service text        not null,
    priority         text        not null check (priority in ('P1', 'P2', 'P3', 'P4')),
    status           text        not null check (status in ('DECLARED', 'ACKNOWLEDGED', 'MITIGATED', 'RESOLVED', 'CLOSED')),
    detected_at      timestamptz not null,
    declared_at      timestamptz not null,
    opened_at        timestamptz not null,
    version          bigint      not null default 0
);
