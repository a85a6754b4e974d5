-- Platform V5: who may see an incident. The service that owns the war room (response) keeps these rows;
-- every other service projects them from its events. Restricted subjects are visible only to their
-- members (and auditors, admins); events recorded for a restricted subject carry the flag.

create table access_restricted (
    subject       text        primary key,          -- the incident id
    restricted_at timestamptz not null,
    restricted_by text        not null,
    reason        text        not null
);

create table access_member (
    subject  text        not null,
    person   text        not null,
    kind     text        not null,                  -- RESPONDER | OBSERVER (added by the commander), ROLE | PAGED (automatic)
    added_at timestamptz not null,
    added_by text        not null,
    primary key (subject, person)
);

-- "Which incidents is this person in": lists filtered for a member.
create index access_member_person on access_member (person, subject);

alter table outbox_event add column restricted boolean not null default false;
