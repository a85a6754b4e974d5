-- Issue trackers per team (GitHub Issues or Jira): action items of the team are created there and kept in sync; the
-- tracker's webhook, proved with the secret generated here, brings status changes back.

create table tracker (
    id              uuid        primary key,          -- also the webhook path: /api/v1/review/trackers/{id}/webhook
    team            text        not null unique,      -- the owning team's name, as the catalog names it
    kind            text        not null check (kind in ('GITHUB', 'JIRA')),
    api_url         text        not null,
    repository      text,                             -- GitHub owner/name
    project_key     text,                             -- Jira
    issue_type      text,                             -- Jira, e.g. Task
    done_transition text,                             -- Jira transition id that closes an issue
    credential      text        not null,             -- the name of a delivery credential (config), never the token
    webhook_secret  text        not null,             -- proves the tracker's webhooks (HMAC-SHA256)
    configured_by   text        not null,
    configured_at   timestamptz not null,
    version         bigint      not null default 0
);

alter table action_item
    add column tracker_id     uuid,                   -- the tracker it was created in
    add column tracker_ref    text,                   -- GitHub issue number, Jira key
    add column tracker_url    text,
    add column tracker_status text,                   -- CREATING | OPEN | CLOSED | CLOSED_WITHOUT_EVIDENCE | CLOSED_NOT_PLANNED | FAILED
    add column tracker_error  text;
create unique index action_item_tracker_ref on action_item (tracker_id, tracker_ref) where tracker_ref is not null;
