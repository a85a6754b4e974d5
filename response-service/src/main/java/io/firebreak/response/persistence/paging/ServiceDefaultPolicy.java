package io.firebreak.response.persistence.paging;

import io.firebreak.response.model.oncall.BusinessServiceView;
import io.firebreak.response.model.paging.EscalationPolicy;

/** A service as response knows it (null when unknown) and its owning team's default policy (null without one). */
public record ServiceDefaultPolicy(BusinessServiceView service, EscalationPolicy owningTeamDefault) {
}
