package io.firebreak.change.model;

import java.util.List;

/** The retroactive documentation of an emergency change: the full change record, the tests done and the approvals. */
public record Documentation(String record, List<String> testsDone, List<String> approvals, String notes) {
}
