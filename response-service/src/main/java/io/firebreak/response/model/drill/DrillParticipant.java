package io.firebreak.response.model.drill;

/** Someone a drill means to exercise, in the role they are to play. */
public record DrillParticipant(String person, String role) {
}
