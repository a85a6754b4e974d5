-- Review's picture of incidents and teams, learnt from every other service's events (never their tables); blameless
-- post-mortems; the timeline assembled from all sources, with imported log excerpts and recollections; resolutions
-- of timeline validation flags.

create table incident (
    incident_id      uuid        primary key,
    incident_key     text        not null,
    title            text        not null,
    business_service text        not null,
    priority         text        not null,
    drill            boolean     not null,
    declared_by      text        not null,
    detected_at      timestamptz not null,
    declared_at      timestamptz not null,
    resolved_at      timestamptz,
    closed_at        timestamptz,
    updated_at       timestamptz not null
);

-- Teams (response's team.changed): who manages whom, for the overdue post-mortem's reminder to the IC's manager.
create table team (
    team_id  text primary key,
    name     text not null,
    manager  text not null,
    members  text not null                          -- JSON ["ines", …]
);

create table postmortem (
    id               uuid        primary key,
    incident_id      uuid        not null unique references incident (incident_id),
    state            text        not null,           -- DRAFT | IN_REVIEW | PUBLISHED
    owner            text        not null,
    resolved_at      timestamptz not null,
    due_at           timestamptz not null,
    opened_at        timestamptz not null,
    summary          text,
    customer_impact  text,
    business_impact  text,
    what_went_well   text,
    where_lucky      text,
    submitted_by     text,
    submitted_at     timestamptz,
    published_by     text,
    published_at     timestamptz,
    overdue_at       timestamptz,
    version          bigint      not null default 0
);

-- The timeline: RECORDED entries from events (id = the event's id), LOG excerpts and RECOLLECTIONs from people.
create table timeline_entry (
    id          text        primary key,
    incident_id uuid        not null,
    at          timestamptz not null,
    kind        text        not null,
    origin      text        not null,                -- RECORDED | LOG | RECOLLECTION
    source      text        not null,                -- a service, a log's name, or the participant
    subject     text,
    title       text        not null,
    added_by    text,
    added_at    timestamptz not null
);
create index timeline_entry_incident on timeline_entry (incident_id, at);

-- A validation flag resolved: accepted with a note, or corrected (the entry fixed or a correction added).
create table flag_resolution (
    incident_id uuid        not null,
    flag_key    text        not null,
    resolution  text        not null,                -- ACCEPTED | CORRECTED
    note        text        not null,
    resolved_by text        not null,
    resolved_at timestamptz not null,
    primary key (incident_id, flag_key)
);

-- Flags already published (timeline.flag_raised goes out once per flag).
create table flag_raised (
    incident_id uuid        not null,
    flag_key    text        not null,
    raised_at   timestamptz not null,
    primary key (incident_id, flag_key)
);
