-- What deadline handlers of the test application do: one row per firing effect.
create table widget_deadline_effect (
    id          bigint generated always as identity primary key,
    subject     text        not null,
    kind        text        not null,
    attempt     integer     not null,
    applied_at  timestamptz not null default now()
);
