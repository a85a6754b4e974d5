-- One incident per alert group, guaranteed by the database, not only by the code that declares it.
create unique index incident_alert_group on incident (alert_group_id) where alert_group_id is not null;
-- The query for the open auto-declared incident a storm joins.
create index incident_service_declared on incident (business_service, declared_at) where alert_group_id is not null;
create index alert_group_incident on alert_group (incident_id) where incident_id is not null;
