-- Every change to schedules bumps one counter (statement trigger, in the changing transaction), so each
-- replica can keep the parsed schedules in memory and reload only when the counter moved.
create table schedule_revision (
    id       integer primary key check (id = 1),
    revision bigint  not null
);
insert into schedule_revision (id, revision) values (1, 0);

create function schedule_revision_bump() returns trigger language plpgsql as $$
begin
    -- Qualified by the trigger's own schema: the changing session's search_path may not name it.
    execute format('update %I.schedule_revision set revision = revision + 1 where id = 1', tg_table_schema);
    return null;
end;
$$;

create trigger schedule_revision_bump after insert or update or delete on schedule
    for each statement execute function schedule_revision_bump();

-- Who is on call at a moment reads the overrides covering it.
create index schedule_override_span on schedule_override (ends_at, starts_at);
