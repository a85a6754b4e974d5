package io.firebreak.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@value EventTypes#RESPONDER_SURVEY_ANSWERED}, published by metrics. Subject and key: the incident id. A
 * participant of a P1 or P2 answered the responder survey; the event is anonymous (no person, no comment): the
 * answers are read in metrics' governance review.
 */
public record ResponderSurveyAnswered(UUID incidentId, UUID surveyId, int rating, Instant answeredAt) {
}
