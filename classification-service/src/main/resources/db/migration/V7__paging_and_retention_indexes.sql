-- Cursor paging of alert groups per service, newest first.
create index alert_group_service_first on alert_group (service, first_signal_at desc, id desc);
-- Retention: raw signals by age, resolved groups nobody declared an incident for.
create index signal_received_at on signal (received_at);
create index alert_group_resolved on alert_group (resolved_at) where status = 'RESOLVED' and incident_id is null;
