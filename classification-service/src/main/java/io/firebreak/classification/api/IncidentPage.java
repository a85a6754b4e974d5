package io.firebreak.classification.api;

import java.util.List;

/** One page of incidents; {@code total} counts every match across pages. */
public record IncidentPage(List<IncidentView> items, int page, int size, long total) {
}
