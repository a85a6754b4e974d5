-- Replicas keep the schedules and recent overrides in memory and, while they listen, answer "who is on
-- call" without asking the database at all: the change that bumps the revision also notifies them. NOTIFY
-- is delivered at commit only (never for a rolled-back change) and is coalesced per transaction.
create or replace function schedule_revision_bump() returns trigger language plpgsql as $$
begin
    -- Qualified by the trigger's own schema: the changing session's search_path may not name it.
    execute format('update %I.schedule_revision set revision = revision + 1 where id = 1', tg_table_schema);
    perform pg_notify('firebreak_schedules_' || tg_table_schema, '');
    return null;
end;
$$;
