-- The alert group an auto-declared incident came from: a second incident of one group is a duplicate (data quality).
alter table incident_metric add column alert_group_id uuid;
create index incident_metric_alert_group on incident_metric (alert_group_id) where alert_group_id is not null;
