-- The triage log of an incident: hypotheses (open / confirmed / refuted), diagnostics run and their
-- results, and findings (a confirmed cause candidate in a catalog component). Entries are edited in
-- place for reading, and every state of every entry is kept as a revision.
create table triage_entry (
    id            uuid        primary key,
    incident_id   uuid        not null references response_record (incident_id),
    kind          text        not null check (kind in ('HYPOTHESIS', 'DIAGNOSTIC', 'FINDING')),
    statement     text        not null,   -- the hypothesis, what was checked, or the finding
    status        text        check (status in ('OPEN', 'CONFIRMED', 'REFUTED')),   -- hypotheses only
    check_kind    text        check (check_kind in ('QUERY', 'DASHBOARD', 'COMMAND', 'OTHER')),   -- diagnostics only
    result        text,                   -- diagnostics only
    component     text,                   -- findings only: a business service of the catalog
    hypothesis_id uuid        references triage_entry (id),   -- findings: the hypothesis they confirm
    evidence      text        not null,   -- JSON array of links
    recorded_by   text        not null,
    recorded_at   timestamptz not null,
    updated_by    text        not null,
    updated_at    timestamptz not null,
    version       integer     not null default 0
);
create index triage_entry_incident on triage_entry (incident_id, recorded_at);

create table triage_revision (
    entry_id   uuid        not null references triage_entry (id),
    revision   integer     not null,
    snapshot   text        not null,      -- JSON: the entry as it was after this change
    changed_by text        not null,
    changed_at timestamptz not null,
    reason     text,
    primary key (entry_id, revision)
);
