-- Personal calendar tokens: calendar applications cannot log in, so a feed URL carries a token the
-- person created and can revoke (replace). Only its SHA-256 is stored.
create table calendar_token (
    person     text        primary key,
    token_hash text        not null unique,
    created_at timestamptz not null
);

create index schedule_override_person on schedule_override (person, ends_at);
