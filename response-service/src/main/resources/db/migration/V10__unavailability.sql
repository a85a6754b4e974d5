-- A person marked unavailable for paging (ill, no signal, on a plane) for a time. Paging skips them and
-- pages their role's succession instead; a withdrawn mark keeps its row (cancelled_at) for the record.
create table unavailability (
    id           uuid        primary key,
    person       text        not null,
    starts_at    timestamptz not null,
    ends_at      timestamptz not null,
    reason       text,
    marked_by    text        not null,
    created_at   timestamptz not null,
    cancelled_at timestamptz,
    cancelled_by text,
    check (ends_at > starts_at)
);

create index unavailability_person on unavailability (person, ends_at) where cancelled_at is null;
