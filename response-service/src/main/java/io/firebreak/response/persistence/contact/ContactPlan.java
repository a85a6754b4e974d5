package io.firebreak.response.persistence.contact;

import io.firebreak.response.model.oncall.ContactMethod;
import io.firebreak.response.model.oncall.NotificationRules;
import java.util.List;

/** A person's verified contact methods (oldest first) and their notification rules for one urgency (null without). */
public record ContactPlan(List<ContactMethod> verified, NotificationRules rules) {
}
