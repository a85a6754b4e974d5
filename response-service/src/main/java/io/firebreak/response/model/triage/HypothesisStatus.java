package io.firebreak.response.model.triage;

public enum HypothesisStatus {
    OPEN, CONFIRMED, REFUTED
}
