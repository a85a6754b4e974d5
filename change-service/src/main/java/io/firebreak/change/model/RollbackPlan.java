package io.firebreak.change.model;

import java.util.List;

/** How to undo an emergency change: the steps, the check that proves it undone, and how long it takes. */
public record RollbackPlan(List<String> steps, String verification, Integer estimatedRollbackMinutes) {
}
