create table widget (
    id   uuid primary key,
    name text not null
);

-- One row per applied effect: the inbox must keep it at one per event.
create table widget_effect (
    id         bigint generated always as identity primary key,
    event_id   uuid        not null,
    widget_id  uuid        not null,
    applied_at timestamptz not null default now()
);

create table widget_attempt (
    widget_id uuid primary key,
    attempts  integer not null
);
