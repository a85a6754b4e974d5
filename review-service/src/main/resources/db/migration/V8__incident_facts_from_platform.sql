-- The incident's facts are now kept by platform IncidentFacts (one order-tolerant projection for every service): the
-- columns it writes beyond what review had. Rows written before take their status from their resolution and closure.
alter table incident
    add column response_status text,
    add column acknowledged_at timestamptz,
    add column mitigated_at    timestamptz,
    add column reopen_count    integer not null default 0,
    alter column declared_by drop not null;
update incident set response_status = case when closed_at is not null then 'CLOSED' when resolved_at is not null then 'RESOLVED'
                                          else 'DECLARED' end;
alter table incident alter column response_status set not null;
