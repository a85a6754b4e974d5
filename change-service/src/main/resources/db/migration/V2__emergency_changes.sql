-- Change's own picture of incidents, catalog services and triage findings, learnt from classification's and
-- response's events (never their tables); the pre-authorised action catalog; emergency changes with their duties;
-- freeze windows and exceptions; commits and deploys linked to incidents; flags and suspected regressions.

create table incident (
    incident_id      uuid        primary key,
    incident_key     text        not null unique,
    title            text        not null,
    business_service text        not null,
    priority         text        not null,
    drill            boolean     not null,
    response_status  text        not null,          -- DECLARED … CLOSED, from response's lifecycle events
    detected_at      timestamptz not null,
    declared_at      timestamptz not null,
    mitigated_at     timestamptz,
    resolved_at      timestamptz,
    updated_at       timestamptz not null
);
create index incident_service_declared on incident (business_service, declared_at);

-- Business services and what each depends on directly (from service.* events); the alignment graph.
create table catalog_service (
    name        text        primary key,
    owning_team text        not null,
    depends_on  text        not null,               -- JSON ["db", …]
    removed     boolean     not null default false,
    updated_at  timestamptz not null
);

create table triage_finding (
    finding_id   uuid        primary key,
    incident_id  uuid        not null,
    statement    text        not null,
    component    text        not null,
    recorded_by  text        not null,
    recorded_at  timestamptz not null
);
create index triage_finding_incident on triage_finding (incident_id);

-- The pre-authorised action catalog: every change of it is a new version; changes record the version they used.
create table action_catalog_version (
    version    integer     primary key,
    changed_by text        not null,
    changed_at timestamptz not null,
    note       text        not null,
    actions    text        not null                 -- JSON [{name, description, parameters, targets, icMayApprove}]
);
insert into action_catalog_version (version, changed_by, changed_at, note, actions) values (1, 'firebreak', now(),
  'The starting catalog: the five actions most emergency changes are',
  '[{"name":"failover","description":"Fail over to the standby region, cluster or replica","parameters":["from","to"],"targets":[],"icMayApprove":true},'
  || '{"name":"rollback","description":"Roll a deployment back to a known-good version","parameters":["fromVersion","toVersion"],"targets":[],"icMayApprove":true},'
  || '{"name":"config-toggle","description":"Switch a feature flag or configuration value","parameters":["key","from","to"],"targets":[],"icMayApprove":true},'
  || '{"name":"scale-out","description":"Add capacity: replicas, nodes or throughput","parameters":["resource","from","to"],"targets":[],"icMayApprove":true},'
  || '{"name":"restart","description":"Restart a process, pod or host","parameters":["component"],"targets":[],"icMayApprove":false}]');

create sequence change_number;

create table emergency_change (
    id                     uuid        primary key,
    number                 bigint      not null unique,     -- CHG-<number>
    incident_id            uuid        not null references incident (incident_id),
    target_service         text        not null,
    action                 text        not null,
    action_catalog_version integer     not null,
    parameters             text        not null,            -- JSON {"fromVersion": "1.4.2", …}
    description            text        not null,
    expected_effect        text        not null,
    risk                   text        not null,            -- LOW | MEDIUM | HIGH
    rollback_plan          text        not null,            -- JSON {steps, verification, estimatedRollbackMinutes}
    finding_id             uuid        not null,
    alignment_override     text,                            -- a change approver's justification for a mismatch
    override_by            text,
    state                  text        not null,
    requested_by           text        not null,
    requested_at           timestamptz not null,
    approved_by            text,
    approved_as            text,
    approved_at            timestamptz,
    decision_reason        text,                            -- approval, rejection, cancellation or rollback reason
    rejected_by            text,
    rejected_at            timestamptz,
    cancelled_by           text,
    cancelled_at           timestamptz,
    implementer            text,
    implementation_started_at timestamptz,
    implemented_at         timestamptz,
    validation_due_at      timestamptz,
    validated_by           text,
    validated_at           timestamptz,
    validation_result      text,                            -- PASSED | FAILED
    validation_evidence    text,
    documentation_due_at   timestamptz,
    documentation          text,                            -- JSON {record, testsDone, approvals, …}
    documented_by          text,
    documented_at          timestamptz,
    rolled_back_by         text,
    rolled_back_at         timestamptz,
    effectiveness_due_at   timestamptz,
    effectiveness_outcome  text,
    effectiveness_notes    text,
    reviewed_by            text,
    reviewed_at            timestamptz,
    version                bigint      not null default 0
);
create index emergency_change_incident on emergency_change (incident_id, number);
create index emergency_change_target on emergency_change (target_service, implemented_at);

create table freeze_window (
    id         uuid        primary key,
    name       text        not null,
    starts_at  timestamptz not null,
    ends_at    timestamptz not null,
    services   text        not null,                -- JSON [] = every service
    reason     text        not null,
    created_by text        not null,
    created_at timestamptz not null,
    check (ends_at > starts_at)
);

create table freeze_exception (
    id          uuid        primary key,
    change_id   uuid        not null references emergency_change (id),
    windows     text        not null,               -- JSON names of the windows it covers
    granted_by  text        not null,
    granted_at  timestamptz not null,
    expires_at  timestamptz not null,
    reason      text        not null,
    expired_at  timestamptz,
    check (expires_at > granted_at)
);
create index freeze_exception_change on freeze_exception (change_id);

-- Where GitHub and GitLab webhooks come from: one per repository, with its secret (GitHub) or token (GitLab).
create table vcs_source (
    id          uuid        primary key,
    kind        text        not null,               -- GITHUB | GITLAB
    repository  text        not null,               -- owner/name or group/project
    service     text        not null,               -- the business service this repository deploys
    secret      text        not null,
    created_by  text        not null,
    created_at  timestamptz not null,
    unique (kind, repository)
);

-- A commit or deploy as received; delivery_key makes a redelivered webhook or event a no-op.
create table vcs_item (
    id           uuid        primary key,
    delivery_key text        not null unique,
    kind         text        not null,              -- COMMIT | DEPLOY
    source       text        not null,              -- GITHUB | GITLAB | PAGERDUTY
    repository   text,
    revision     text,
    service      text,
    environment  text,
    summary      text        not null,
    author       text,
    url          text,
    occurred_at  timestamptz not null,
    received_at  timestamptz not null
);
create index vcs_item_service on vcs_item (service, occurred_at);

create table vcs_link (
    item_id     uuid        not null references vcs_item (id),
    incident_id uuid        not null references incident (incident_id),
    change_id   uuid        references emergency_change (id),
    why         text        not null,               -- REFERENCE | CANDIDATE_CAUSE
    linked_at   timestamptz not null,
    primary key (item_id, incident_id)
);
create index vcs_link_change on vcs_link (change_id);
create index vcs_link_incident on vcs_link (incident_id);

create table change_flag (
    id          uuid        primary key,
    flag        text        not null,               -- DEPLOY_IN_FREEZE | UNLINKED_CHANGE | ALIGNMENT_OVERRIDE
    incident_id uuid,
    change_id   uuid,
    item_id     uuid,
    service     text,
    detail      text        not null,
    raised_at   timestamptz not null
);
create index change_flag_incident on change_flag (incident_id);
create unique index change_flag_once on change_flag (flag, coalesce(change_id, item_id));

create table suspected_regression (
    change_id       uuid        not null references emergency_change (id),
    new_incident_id uuid        not null references incident (incident_id),
    service         text        not null,
    started_at      timestamptz not null,
    primary key (change_id, new_incident_id)
);

-- Alert groups (service, dedup key) with the time each first triggered: an alert group that started on the target
-- or a dependent service within a change's window is a suspected regression too.
create table alert_group (
    service    text        not null,
    dedup_key  text        not null,
    first_at   timestamptz not null,
    summary    text,
    primary key (service, dedup_key)
);
create index alert_group_first on alert_group (first_at);
