-- Role runbooks: a versioned checklist per incident role and priority; the latest version is
-- instantiated for an incident when the role is first accepted there, and its items are ticked by
-- the holder. Critical items with a due time publish runbook.item_overdue when they pass unticked.
create table runbook (
    id         uuid        primary key,
    role       text        not null,
    priority   text        not null check (priority in ('P1', 'P2', 'P3', 'P4')),
    version    integer     not null,
    items      text        not null,   -- JSON [{key, text, critical, dueMinutes?}]
    created_by text        not null,
    created_at timestamptz not null,
    unique (role, priority, version)
);

create table checklist_item (
    id              uuid        primary key,
    incident_id     uuid        not null references response_record (incident_id),
    role            text        not null,
    runbook_id      uuid        not null references runbook (id),
    runbook_version integer     not null,
    item_key        text        not null,
    text            text        not null,
    critical        boolean     not null,
    due_at          timestamptz,
    done_at         timestamptz,
    done_by         text,
    overdue_at      timestamptz,
    version         bigint      not null default 0,
    unique (incident_id, role, item_key)
);

insert into runbook (id, role, priority, version, items, created_by, created_at) values
 (gen_random_uuid(), 'INCIDENT_COMMANDER', 'P1', 1,
  '[{"key":"confirm-priority","text":"Confirm the priority against the business impact","critical":true,"dueMinutes":5},'
  '{"key":"open-bridge","text":"Open the bridge and announce it","critical":true,"dueMinutes":10},'
  '{"key":"assign-comms-lead","text":"Make sure a communications lead holds the role","critical":true,"dueMinutes":10},'
  '{"key":"set-cadence","text":"Agree the update cadence and the next checkpoint","critical":false}]',
  'firebreak', now()),
 (gen_random_uuid(), 'INCIDENT_COMMANDER', 'P2', 1,
  '[{"key":"confirm-priority","text":"Confirm the priority against the business impact","critical":true,"dueMinutes":15},'
  '{"key":"open-bridge","text":"Open the bridge if more than one team is involved","critical":false}]',
  'firebreak', now()),
 (gen_random_uuid(), 'COMMS_LEAD', 'P1', 1,
  '[{"key":"first-status","text":"Publish the first status update","critical":true,"dueMinutes":15},'
  '{"key":"executives","text":"Check whether executives must be told","critical":true,"dueMinutes":30}]',
  'firebreak', now()),
 (gen_random_uuid(), 'TECH_LEAD', 'P1', 1,
  '[{"key":"first-hypothesis","text":"Record the first hypothesis in the triage log","critical":true,"dueMinutes":15},'
  '{"key":"recent-changes","text":"Check the changes of the last 24 hours","critical":false}]',
  'firebreak', now());
