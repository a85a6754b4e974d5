-- Drills: the scenario and intended participants of a drill incident; readiness records: each person's
-- measured performance per role in a drill, written when the drill is resolved (again if reopened and
-- resolved: one record per drill, person and role).
create table drill (
    incident_id  uuid        primary key references response_record (incident_id),
    scenario     text        not null,
    participants text        not null,          -- JSON [{person, role}]
    defined_by   text        not null,
    defined_at   timestamptz not null,
    version      bigint      not null default 0
);

create table readiness_record (
    id                      uuid        primary key,
    person                  text        not null,
    role                    text        not null,
    incident_id             uuid        not null references response_record (incident_id),
    incident_key            text        not null,
    drilled_at              timestamptz not null,   -- when the drill was resolved
    took_part               boolean     not null,   -- accepted the role
    seconds_to_acknowledge  bigint,
    seconds_to_accept       bigint,
    checklist_done          integer     not null,
    checklist_total         integer     not null,
    handovers_offered       integer     not null,
    handovers_acknowledged  integer     not null,
    recorded_at             timestamptz not null,
    unique (incident_id, person, role)
);

-- "When did this person last take part in a drill in this role": the readiness view per team.
create index readiness_record_person on readiness_record (person, role, drilled_at desc) where took_part;
