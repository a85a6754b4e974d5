-- The response lifecycle: declared → acknowledged → mitigated → resolved → closed, with reopening.
-- The record keeps the moments metrics count from (the first acknowledgement is never cleared, a
-- reopening clears mitigation, resolution and closure); every transition is kept in order.
alter table response_record
    add column drill               boolean     not null default false,
    add column acknowledged_at     timestamptz,
    add column acknowledged_by     text,
    add column mitigated_at        timestamptz,
    add column resolved_at         timestamptz,
    add column closed_at           timestamptz,
    add column resolution_summary  text,
    add column postmortem_decision text check (postmortem_decision in ('REQUIRED', 'NOT_REQUIRED')),
    add column postmortem_reason   text,
    add column reopen_count        integer     not null default 0,
    add column status_changed_at   timestamptz;

-- Responses opened before this version learn their drill flag from their paging.
update response_record r set drill = p.drill from incident_paging p where p.incident_id = r.incident_id;
update response_record set status_changed_at = opened_at;
alter table response_record alter column status_changed_at set not null;

create table response_transition (
    id          uuid        primary key,
    incident_id uuid        not null references response_record (incident_id),
    seq         integer     not null,
    action      text        not null check (action in ('ACKNOWLEDGE', 'MITIGATE', 'RESOLVE', 'CLOSE', 'REOPEN')),
    from_status text        not null,
    to_status   text        not null,
    changed_by  text        not null,
    changed_at  timestamptz not null,
    via         text,
    note        text,
    unique (incident_id, seq)
);
