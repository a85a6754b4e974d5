-- An incident's causes as columns beside its ledger: the recurrence check after each declaration or post-mortem reads
-- only the incidents sharing one of the new incident's causes, instead of loading every ledger of the service in the
-- window (a service with thousands of incidents in 90 days made each declaration cost tens of milliseconds).
alter table incident_metric add column alert_fingerprint text;
alter table incident_metric add column factors text[] not null default '{}';

update incident_metric
   set alert_fingerprint = ledger::jsonb ->> 'alertFingerprint',
       factors = coalesce(array(select jsonb_array_elements_text(ledger::jsonb -> 'factors')), '{}')
 where ledger <> '{}';

create index incident_metric_fingerprint on incident_metric (business_service, alert_fingerprint) where alert_fingerprint is not null;
create index incident_metric_factors on incident_metric using gin (factors);
