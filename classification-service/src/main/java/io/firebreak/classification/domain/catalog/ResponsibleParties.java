package io.firebreak.classification.domain.catalog;

import java.util.List;

/** Who to engage for a failure: the owning teams and owners of the failed and every affected service. */
public record ResponsibleParties(List<String> teams, List<String> owners) {
}
