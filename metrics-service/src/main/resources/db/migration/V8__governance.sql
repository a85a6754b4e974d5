-- Governance: the quarterly review of the incident-management policies, and the responder survey every participant
-- of a P1 or P2 is invited to once it is resolved (answers are anonymous outside metrics).
create table governance_review (
    quarter              text        primary key,   -- 2026-Q3
    held_at              timestamptz not null,
    policies             text        not null,      -- JSON [{name, version}]
    stakeholder_feedback text,
    decisions            text        not null,      -- JSON [{decision, owner, due}]
    recorded_by          text        not null,
    recorded_at          timestamptz not null
);

create table responder_survey (
    survey_id    uuid        primary key,
    incident_id  uuid        not null,
    incident_key text,
    priority     text        not null,
    person       text        not null,
    invited_at   timestamptz not null,             -- when the incident was resolved
    answered_at  timestamptz,
    rating       integer     check (rating between 1 and 5),
    went_well    text,
    to_improve   text,
    unique (incident_id, person)
);
create index responder_survey_person on responder_survey (person, invited_at);
create index responder_survey_invited on responder_survey (invited_at);
