package io.firebreak.response.model.paging;

/** Why an escalation runs: the business service's policy, a responsible team's, or a P1 role. */
public enum EscalationKind { SERVICE, RESPONSIBLE_TEAM, ROLE }
