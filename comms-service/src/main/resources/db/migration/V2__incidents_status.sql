-- Comms' own picture of incidents, learnt from classification's and response's events (never their
-- tables), and the versions of each incident's status: the one source every message derives from.

create table incident (
    incident_id      uuid        primary key,
    incident_key     text        not null,
    title            text        not null,
    business_service text        not null,
    priority         text        not null,
    drill            boolean     not null,
    response_status  text        not null,          -- DECLARED … CLOSED, from response's lifecycle events
    detected_at      timestamptz not null,
    declared_at      timestamptz not null,
    updated_at       timestamptz not null,
    version          bigint      not null default 0
);

-- Who holds which role now: an accepted assignment from role.assigned until its role.released.
create table role_holder (
    assignment_id uuid        primary key,
    incident_id   uuid        not null,
    role          text        not null,
    person        text        not null,
    since         timestamptz not null
);
create index role_holder_incident on role_holder (incident_id, role);

create table status_version (
    id                 uuid        primary key,
    incident_id        uuid        not null references incident (incident_id),
    version            integer     not null,
    state              text        not null,       -- INVESTIGATING | IDENTIFIED | MONITORING | RESOLVED
    impact             text        not null,
    affected_services  text        not null,       -- JSON ["checkout", …]
    next_update_due_at timestamptz,
    correction_of      integer,
    published_by       text        not null,
    published_at       timestamptz not null,
    unique (incident_id, version)
);

-- A message for an audience, drafted on one status version; refused once that version is superseded.
create table stakeholder_message (
    id             uuid        primary key,
    incident_id    uuid        not null references incident (incident_id),
    status_version integer     not null,
    audience       text        not null,            -- EXECUTIVE | TECHNICAL | CUSTOMER
    subject        text        not null,
    body           text        not null,
    drafted_by     text        not null,
    drafted_at     timestamptz not null,
    foreign key (incident_id, status_version) references status_version (incident_id, version)
);
create index stakeholder_message_incident on stakeholder_message (incident_id, drafted_at);
