-- Alert groups also keep their last trigger and last resolve: is the incident's service still alerting after a change?
alter table alert_group add column last_triggered_at timestamptz;
alter table alert_group add column last_resolved_at timestamptz;
-- Groups recorded before this script had triggered at least once (only triggers were recorded).
update alert_group set last_triggered_at = first_at where last_triggered_at is null;
