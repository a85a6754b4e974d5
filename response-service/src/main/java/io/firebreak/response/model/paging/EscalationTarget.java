package io.firebreak.response.model.paging;

/** Who a level pages: the holder of a schedule, a person, or a team (its on-call holders, else its manager). */
public record EscalationTarget(Type type, String ref) {

    public enum Type { SCHEDULE, PERSON, TEAM }
}
