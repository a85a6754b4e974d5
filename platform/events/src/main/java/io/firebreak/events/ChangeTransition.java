package io.firebreak.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of the {@code change.*} transitions of an emergency change (requested, approved, rejected, cancelled,
 * implementation_started, implemented, validated, rolled_back, documented, validation_overdue,
 * documentation_overdue). Subject and key: the incident id.
 *
 * @param changeKey         {@code CHG-<n>}
 * @param state             the change's state after the transition
 * @param by                who acted ({@code firebreak} for an overdue deadline)
 * @param reason            the approval's, rejection's, cancellation's or rollback's reason
 * @param findingId         the triage finding the change cites (root-cause alignment)
 * @param alignmentOverride a change approver's justification for a change not aligned with its finding (flagged for the post-mortem)
 * @param approvedAs        CHANGE_APPROVER, or INCIDENT_COMMANDER for a pre-authorised action the IC may approve
 * @param dueAt             the deadline the event starts or missed (validation, documentation)
 * @param result            a validation's result: PASSED or FAILED
 */
public record ChangeTransition(UUID incidentId, String incidentKey, UUID changeId, String changeKey, String targetService, String action,
                               int actionCatalogVersion, String state, String by, Instant at, @OptionalField String reason,
                               @OptionalField UUID findingId, @OptionalField String alignmentOverride, @OptionalField String approvedAs,
                               @OptionalField Instant dueAt, @OptionalField String result, Priority priority, boolean drill) {
}
