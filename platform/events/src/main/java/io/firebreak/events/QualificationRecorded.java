package io.firebreak.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Data of {@value EventTypes#QUALIFICATION_RECORDED}: a person is qualified for a response role
 * (trained on a date, valid until a moment, with evidence). Subject and key: the person.
 */
public record QualificationRecorded(UUID qualificationId, String person, String role, LocalDate trainedOn,
                                    @OptionalField Instant validUntil, String evidence, String recordedBy, Instant recordedAt) {
}
