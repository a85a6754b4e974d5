-- Mattermost gets its own kind: its interactive buttons differ from Slack's (attachments + integration URL).
alter table contact_method drop constraint contact_method_kind_check;
alter table contact_method add constraint contact_method_kind_check
    check (kind in ('EMAIL', 'SMS', 'VOICE', 'SLACK', 'MATTERMOST', 'TEAMS', 'WEBHOOK'));
