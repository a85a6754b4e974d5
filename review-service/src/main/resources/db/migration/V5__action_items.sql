-- Action items of post-mortems (every gap gets one: owner, deadline, priority, type), their completion with evidence,
-- and the quarterly completion reviews held over them.

create table action_item (
    id            uuid        primary key,
    postmortem_id uuid        not null references postmortem (id),
    incident_id   uuid        not null,
    title         text        not null,
    description   text,
    owner         text        not null,
    deadline      timestamptz not null,
    priority      text        not null,               -- HIGH | MEDIUM | LOW
    type          text        not null,               -- FIX | RUNBOOK_UPDATE | TRAINING_MATERIAL | MONITORING_CONFIGURATION | ARCHITECTURE
    team          text,                               -- the owning team of the incident's service
    state         text        not null,               -- OPEN | DONE
    created_by    text        not null,
    created_at    timestamptz not null,
    completed_by  text,
    completed_at  timestamptz,
    evidence      text,
    overdue_at    timestamptz,
    escalated_to  text,                               -- JSON [manager, …] told when it fell overdue
    version       bigint      not null default 0
);
create index action_item_incident on action_item (incident_id);
create index action_item_deadline on action_item (deadline);

create table quarterly_review (
    quarter     text        primary key,              -- 2026-Q4
    reviewed_by text        not null,
    reviewed_at timestamptz not null,
    decisions   text        not null                  -- what was decided on resources or process
);
