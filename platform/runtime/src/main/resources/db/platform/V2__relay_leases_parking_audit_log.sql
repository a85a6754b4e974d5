-- Platform V2: the relay leases rows instead of holding locks across broker round trips, parks rows that
-- cannot be published, operators discard them; and a keyed, append-only audit log.

alter table outbox_event
    add column lease_owner   text,               -- the relay publishing the row right now
    add column lease_until   timestamptz,        -- after this, another relay may take it (the owner died)
    add column parked_at     timestamptz,        -- permanent failure or out of attempts: waits for an operator
    add column parked_reason text,
    add column discarded_at  timestamptz,        -- an operator decided it must never be published (audited)
    add column discarded_by  text;

-- "Open" rows are neither sent nor discarded; the relay's claim and order checks read only those.
drop index outbox_event_unsent;
drop index outbox_event_unsent_key;
create index outbox_event_open on outbox_event (seq) where sent_at is null and discarded_at is null;
create index outbox_event_open_key on outbox_event (partition_key, seq) where sent_at is null and discarded_at is null;
create index outbox_event_parked on outbox_event (seq) where parked_at is not null and sent_at is null and discarded_at is null;
-- Rows that can be waiting (failed at least once, leased, or parked): the claim skips their keys.
create index outbox_event_waiting on outbox_event (partition_key)
    where sent_at is null and discarded_at is null and (attempts > 0 or lease_owner is not null or parked_at is not null);
create index outbox_event_discarded_at on outbox_event (discarded_at) where discarded_at is not null;

-- Tamper-evident audit log: one chain per name, each record MAC-linked to the one before it with a key
-- kept outside the database; the head (newest sequence and MAC, itself MACed) reveals a removed tail.
create table audit_record (
    chain        text        not null,
    sequence     bigint      not null,
    previous_mac text        not null,
    content      jsonb       not null,
    key_id       text        not null,
    mac          text        not null,
    recorded_at  timestamptz not null default now(),
    primary key (chain, sequence)
);

create table audit_head (
    chain      text        primary key,
    sequence   bigint      not null,
    mac        text        not null,
    key_id     text        not null,
    head_mac   text        not null,
    updated_at timestamptz not null default now()
);

-- Append-only by default. The schema owner can still disable this (an attacker with that right is what
-- the MACs are for); it stops the accidental UPDATE or DELETE.
create function audit_record_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit records are append-only (% on %.%)', tg_op, tg_table_schema, tg_table_name;
end;
$$;

create trigger audit_record_append_only before update or delete or truncate on audit_record
    for each statement execute function audit_record_append_only();
