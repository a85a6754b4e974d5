package io.firebreak.change.model;

import java.util.List;

/**
 * One action of the pre-authorised catalog: what it does, the parameters a change must give, the services it may
 * target (empty: any) and whether the incident's commander may approve it instead of a change approver.
 */
public record ActionType(String name, String description, List<String> parameters, List<String> targets, boolean icMayApprove) {

    public boolean mayTarget(String service) {
        return targets == null || targets.isEmpty() || targets.contains(service);
    }
}
