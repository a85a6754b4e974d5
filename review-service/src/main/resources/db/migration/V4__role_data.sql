-- Role data of every incident (response's role.assigned / released / handed_over and bridge updates): who held each
-- role when, how long from page to acceptance, the handovers with their brief version, and bridge decisions.

create table role_tenure (
    assignment_id uuid        primary key,
    incident_id   uuid        not null,
    role          text        not null,
    person        text        not null,
    source        text        not null,
    paged_at      timestamptz,
    accepted_at   timestamptz not null,
    released_at   timestamptz
);
create index role_tenure_incident on role_tenure (incident_id, accepted_at);

create table role_handover (
    handover_id     uuid        primary key,
    incident_id     uuid        not null,
    role            text        not null,
    from_person     text        not null,
    to_person       text        not null,
    brief_version   integer     not null,
    offered_at      timestamptz not null,
    acknowledged_at timestamptz not null
);
create index role_handover_incident on role_handover (incident_id);

create table bridge_decision (
    update_id   uuid        not null,
    position    integer     not null,
    incident_id uuid        not null,
    decision    text        not null,
    owner       text        not null,
    deadline    timestamptz,
    recorded_by text        not null,
    recorded_at timestamptz not null,
    late        boolean     not null,
    primary key (update_id, position)
);
create index bridge_decision_incident on bridge_decision (incident_id, recorded_at);
