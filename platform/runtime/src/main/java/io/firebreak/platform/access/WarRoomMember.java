package io.firebreak.platform.access;

import java.time.Instant;

/** One member of an incident's war room. */
public record WarRoomMember(String person, MemberKind kind, Instant addedAt, String addedBy) {
}
