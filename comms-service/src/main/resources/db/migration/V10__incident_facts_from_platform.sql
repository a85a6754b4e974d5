-- The incident's facts are now kept by platform IncidentFacts (one order-tolerant projection for every service): the
-- columns it writes beyond what comms had. Rows written before keep their times unknown until the next lifecycle event.
alter table incident
    add column declared_by     text,
    add column acknowledged_at timestamptz,
    add column mitigated_at    timestamptz,
    add column resolved_at     timestamptz,
    add column closed_at       timestamptz,
    add column reopen_count    integer not null default 0;
