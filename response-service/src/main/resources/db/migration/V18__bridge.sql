-- The bridge of an incident: where people meet, how often the commander gives an update, and every
-- update with the decisions it took (decision, owner, deadline) — listed for the post-mortem.
create table bridge (
    incident_id        uuid        primary key references response_record (incident_id),
    url                text,
    dial_in            text,
    cadence_minutes    integer     not null check (cadence_minutes between 5 and 1440),
    next_checkpoint_at timestamptz not null,
    opened_by          text        not null,
    opened_at          timestamptz not null,
    overdue_since      timestamptz,
    version            bigint      not null default 0
);

create table bridge_update (
    id                 uuid        primary key,
    incident_id        uuid        not null references bridge (incident_id),
    seq                integer     not null,
    status             text        not null,
    decisions          text        not null,   -- JSON [{decision, owner, deadline?}]
    next_checkpoint_at timestamptz not null,
    recorded_by        text        not null,
    recorded_at        timestamptz not null,
    late               boolean     not null,   -- recorded after the checkpoint it answered
    unique (incident_id, seq)
);
