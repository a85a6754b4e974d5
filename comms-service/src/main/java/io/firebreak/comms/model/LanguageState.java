package io.firebreak.comms.model;

/** A template or snippet version: proposed and waiting for approval, approved (usable), or rejected. Pending is never used. */
public enum LanguageState {
    PENDING, APPROVED, REJECTED
}
