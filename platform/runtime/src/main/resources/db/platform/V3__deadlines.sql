-- Platform V3: durable deadlines. A deadline is scheduled in the transaction of the state change that
-- needs it and fired in the transaction of its effect, so a restart or a second replica never loses
-- one and never fires one twice.

create table deadline (
    id              uuid        primary key,
    kind            text        not null,          -- the handler that fires it, e.g. response.escalation-window
    subject         text        not null,          -- what it is about within its kind (incident id, incident:level, ...)
    due_at          timestamptz not null,
    payload         jsonb       not null,
    status          text        not null default 'PENDING'
                    check (status in ('PENDING', 'FIRED', 'CANCELLED', 'FAILED')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz,                   -- after a failed firing: when to try again
    last_error      text,
    created_at      timestamptz not null default now(),
    fired_at        timestamptz,
    ended_at        timestamptz                    -- fired, cancelled or given up
);

-- At most one pending deadline per kind and subject: scheduling again moves it.
create unique index deadline_pending_subject on deadline (kind, subject) where status = 'PENDING';
-- The firing scan: pending rows by the time they are next due.
create index deadline_due on deadline ((coalesce(next_attempt_at, due_at))) where status = 'PENDING';
create index deadline_ended on deadline (ended_at) where ended_at is not null;
create index deadline_failed on deadline (kind) where status = 'FAILED';
