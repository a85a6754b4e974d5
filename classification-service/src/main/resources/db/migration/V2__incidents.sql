create table incident (
    id               uuid primary key,
    incident_key     text        not null unique,
    title            text        not null,
    summary          text        not null,
    business_service text        not null,
    priority         text        not null check (priority in ('P1', 'P2', 'P3', 'P4')),
    detected_at      timestamptz not null,
    declared_at      timestamptz not null,
    declared_by      text        not null,
    version          bigint      not null default 0
);

create index incident_declared_at on incident (declared_at desc);
create index incident_service on incident (business_service, declared_at desc);
create index incident_priority on incident (priority, declared_at desc);

-- INC-<year>-<sequence>: one counter per year, advanced atomically inside the declaring transaction.
create table incident_key_counter (
    year       integer primary key,
    last_value bigint not null
);
