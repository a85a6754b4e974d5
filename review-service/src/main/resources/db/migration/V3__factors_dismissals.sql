-- Contributing factors (category/subcategory of the documented taxonomy, linked to timeline evidence), the catalog's
-- owning teams (for trends by team), and blamelessness flags the author dismissed with a reason.

create table catalog_service (
    name        text        primary key,
    owning_team text        not null,
    updated_at  timestamptz not null
);

create table contributing_factor (
    id            uuid        primary key,
    postmortem_id uuid        not null references postmortem (id),
    incident_id   uuid        not null,
    category      text        not null,
    subcategory   text        not null,
    description   text        not null,
    evidence      text        not null,              -- JSON [timeline entry id, …]
    service       text        not null,              -- the incident's business service
    team          text,                              -- its owning team when the factor was recorded
    added_by      text        not null,
    added_at      timestamptz not null
);
create index contributing_factor_added on contributing_factor (added_at);
create index contributing_factor_postmortem on contributing_factor (postmortem_id);

create table blameless_dismissal (
    postmortem_id uuid        not null references postmortem (id),
    rule          text        not null,
    sentence      text        not null,
    reason        text        not null,
    dismissed_by  text        not null,
    dismissed_at  timestamptz not null,
    primary key (postmortem_id, rule, sentence)
);
