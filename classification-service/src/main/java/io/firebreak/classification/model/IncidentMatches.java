package io.firebreak.classification.model;

import java.util.List;

/** One page of incidents matching a filter, and how many match in all. */
public record IncidentMatches(List<Incident> items, long total) {
}
