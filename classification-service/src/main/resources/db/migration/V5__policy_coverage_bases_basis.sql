-- Sign-off that cannot be bypassed (issue 8).

-- A submitted policy records the active version it was compared with; activation re-opens sign-off
-- when the active version moved meanwhile.
alter table classification_policy add column base_version integer;

-- Which policy governs each service: only one its owner signed off (or one that changed nothing for the
-- service since the version its owner signed). A service without a row is governed by no policy: its
-- incidents are classified by the reporter or by the alert's severity, marked as such.
create table policy_coverage (
    service        text        primary key references business_service (name) on delete cascade,
    policy_version integer     not null references classification_policy (version),
    signed_version integer     not null references classification_policy (version),
    signed_by      text        not null,
    signed_at      timestamptz not null
);
insert into policy_coverage (service, policy_version, signed_version, signed_by, signed_at)
select s.service, s.policy_version, s.policy_version, s.signed_by, s.signed_at
from policy_signoff s join classification_policy p on p.version = s.policy_version and p.status = 'ACTIVE'
where exists (select 1 from business_service b where b.name = s.service);

-- An SLA proposal records the SLA change that was active when it was made; signing it after a newer
-- one became active is refused instead of silently reverting the newer one.
alter table sla_change add column base_change uuid;

-- How an incident's priority was decided.
alter table incident add column classification_basis text not null default 'POLICY'
    check (classification_basis in ('POLICY', 'REPORTER', 'SEVERITY'));
update incident set classification_basis = 'REPORTER' where policy_version is null;
