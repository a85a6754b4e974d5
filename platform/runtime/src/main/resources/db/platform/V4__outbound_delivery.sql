-- Platform V4: outbound delivery (webhooks, chat, SMS gateways, mail). A delivery is enqueued in the
-- transaction of the state change that needs it; workers send it, retry it with backoff and record every
-- attempt; its final outcome (delivered or dead) is handed to the service in the transaction that records it.

create table outbound_delivery (
    id              uuid        primary key,            -- also the webhook-id of a signed webhook
    seq             bigint      generated always as identity,
    purpose         text        not null,               -- the outcome handler, e.g. response.page
    reference       text        not null,               -- what it delivers for (a page id, a subscription)
    ordering_key    text,                               -- deliveries sharing a key leave in creation order
    channel         text        not null check (channel in ('HTTP', 'MAIL')),
    destination     text        not null,               -- host and path, or the address: for the history, never secret
    message         jsonb       not null,
    status          text        not null default 'PENDING'
                    check (status in ('PENDING', 'DELIVERED', 'DEAD', 'CANCELLED')),
    attempts        integer     not null default 0,
    max_attempts    integer     not null check (max_attempts > 0),
    next_attempt_at timestamptz not null default now(),
    lease_owner     text,                               -- the worker sending it right now
    lease_until     timestamptz,                        -- after this, another worker may take it (the owner died)
    last_status     integer,
    last_error      text,
    outcome_pending boolean     not null default false, -- ended, but its handler failed: handed over again later
    created_at      timestamptz not null default now(),
    ended_at        timestamptz
);

create index outbound_delivery_due on outbound_delivery (next_attempt_at) where status = 'PENDING';
create index outbound_delivery_key on outbound_delivery (ordering_key, seq) where status = 'PENDING' and ordering_key is not null;
create index outbound_delivery_reference on outbound_delivery (reference);
create index outbound_delivery_outcome_pending on outbound_delivery (id) where outcome_pending;
create index outbound_delivery_ended on outbound_delivery (ended_at) where ended_at is not null;

create table outbound_attempt (
    delivery_id uuid        not null references outbound_delivery (id) on delete cascade,
    attempt     integer     not null,
    started_at  timestamptz not null,
    duration_ms integer     not null,
    status_code integer,
    error       text,
    outcome     text        not null check (outcome in ('DELIVERED', 'RETRY', 'DEAD')),
    primary key (delivery_id, attempt)
);

-- Wake the workers at commit.
create function outbound_delivery_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('firebreak_delivery_' || tg_table_schema, '');
    return null;
end;
$$;

create trigger outbound_delivery_notify after insert on outbound_delivery
    for each statement execute function outbound_delivery_notify();
