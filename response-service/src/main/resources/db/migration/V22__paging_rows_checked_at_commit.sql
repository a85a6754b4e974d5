-- A fresh declaration writes its paging row last, after its escalations and pages, so that the row is inserted once
-- with its first page's time instead of inserted and then updated in the same transaction (one statement fewer on
-- the path to the first page). The references to it are therefore checked at commit, not per statement.
alter table escalation alter constraint escalation_incident_id_fkey deferrable initially deferred;
alter table page alter constraint page_incident_id_fkey deferrable initially deferred;
