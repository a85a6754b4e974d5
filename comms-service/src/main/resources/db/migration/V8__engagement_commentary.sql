-- Legal, compliance and PR engagements, regulators' notification clocks, and public commentary intake.
alter table incident
    add column media_attention boolean not null default false,
    add column media_note      text;

create table engagement (
    id          uuid        primary key,
    incident_id uuid        not null references incident (incident_id),
    function    text        not null,               -- LEGAL | COMPLIANCE | PR
    criteria    text        not null,               -- JSON ["data exposure suspected", …]
    notified    text        not null,               -- JSON addresses told
    started_at  timestamptz not null,
    unique (incident_id, function)
);

create table regulatory_clock (
    id           uuid        primary key,
    incident_id  uuid        not null references incident (incident_id),
    regulation   text        not null,
    authority    text        not null,
    aware_at     timestamptz not null,
    due_at       timestamptz not null,
    state        text        not null,              -- RUNNING | MET | OVERDUE
    met_at       timestamptz,
    log_sequence bigint,                            -- the regulator notice in the external log
    overdue_at   timestamptz,
    unique (incident_id, regulation)
);

-- Every mention posted to the intake (flagged or not), once per source and delivery id.
create table commentary_mention (
    id          uuid        primary key,
    source      text        not null,
    external_id text        not null,
    author      text        not null,
    staff       boolean     not null,
    url         text        not null,
    text        text        not null,
    posted_at   timestamptz not null,
    received_at timestamptz not null,
    flagged     text        not null,               -- JSON [incident ids flagged]
    unique (source, external_id)
);
