-- How people are reached: contact methods (used for paging only once verified) and personal
-- notification rules per urgency.

create table contact_method (
    id              uuid        primary key,
    person          text        not null,
    kind            text        not null check (kind in ('EMAIL', 'SMS', 'VOICE', 'SLACK', 'TEAMS', 'WEBHOOK')),
    address         text        not null,        -- e-mail, E.164 number, or webhook URL
    label           text,
    signing_secret  text,                        -- WEBHOOK only: the Standard Webhooks secret shown once to its owner
    verified_at     timestamptz,
    code_hash       text,                        -- SHA-256 of the pending verification code, never the code
    code_expires_at timestamptz,
    code_attempts   integer     not null default 0,
    created_at      timestamptz not null,
    unique (person, kind, address)
);
create index contact_method_person on contact_method (person);

-- One row per person and urgency: the steps (method, delay) and how often to repeat until acknowledged.
create table notification_rules (
    person         text        not null,
    urgency        text        not null check (urgency in ('P1', 'P2')),
    steps          text        not null,         -- JSON [{contactMethodId, delayMinutes}]
    repeat_minutes integer     check (repeat_minutes is null or repeat_minutes between 1 and 120),
    updated_at     timestamptz not null,
    primary key (person, urgency)
);
