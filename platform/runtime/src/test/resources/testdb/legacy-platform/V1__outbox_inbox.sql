-- Firebreak platform tables, created in each service's own schema (Flyway sets the search path to it).
-- Service migrations start at V2 in db/migration; platform migrations take V1.x.

create table outbox_event (
    seq             bigint generated always as identity primary key,
    id              uuid        not null unique,          -- CloudEvent id, the consumers' idempotency key
    topic           text        not null,
    partition_key   text        not null,                 -- record key: the incident id
    type            text        not null,
    source          text        not null,
    subject         text        not null,
    occurred_at     timestamptz not null,
    payload         jsonb       not null,
    created_at      timestamptz not null default now(),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text,
    sent_at         timestamptz
);

-- The relay's claim scans unsent rows in seq order; published rows leave the index.
create index outbox_event_unsent on outbox_event (seq) where sent_at is null;
create index outbox_event_unsent_key on outbox_event (partition_key, seq) where sent_at is null;
create index outbox_event_sent_at on outbox_event (sent_at) where sent_at is not null;

-- Wake the relay at commit (NOTIFY is delivered only when the inserting transaction commits).
create function outbox_event_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('firebreak_outbox_' || tg_table_schema, '');
    return null;
end;
$$;

create trigger outbox_event_notify after insert on outbox_event
    for each statement execute function outbox_event_notify();

create table inbox_event (
    consumer     text        not null,
    event_id     uuid        not null,
    event_type   text        not null,
    processed_at timestamptz not null,
    primary key (consumer, event_id)
);

create index inbox_event_processed_at on inbox_event (processed_at);
