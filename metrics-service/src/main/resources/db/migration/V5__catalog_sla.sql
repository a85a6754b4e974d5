-- The catalog's signed-off SLA per priority (ServiceChanged.sla): the monthly report measures against it.
alter table catalog_service add column sla text;   -- JSON {"P1": {"acknowledgeMinutes": 5, "resolveMinutes": 240}, …}
