-- Overrides bump the schedule revision too: replicas keep the overrides of the recent past and the
-- future in memory beside the parsed schedules, so "who is on call now" needs no overrides query.
create trigger schedule_override_revision_bump after insert or update or delete on schedule_override
    for each statement execute function schedule_revision_bump();
