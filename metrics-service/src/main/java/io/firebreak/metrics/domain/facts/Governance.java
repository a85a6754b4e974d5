package io.firebreak.metrics.domain.facts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.events.EventTypes;
import io.firebreak.events.GovernanceReviewRecorded;
import io.firebreak.events.ResponderSurveyAnswered;
import io.firebreak.metrics.domain.GovernanceRules;
import io.firebreak.metrics.persistence.GovernanceRepository;
import io.firebreak.platform.outbox.Outbox;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.QueryParams;
import io.firebreak.platform.problem.Violation;
import io.firebreak.platform.security.Actor;
import io.firebreak.platform.time.Quarter;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Governance of incident management: the quarterly review record (policy versions reviewed, stakeholder feedback,
 * decisions) read beside the quarter's responder feedback, and the short survey each participant of a P1/P2 answers.
 */
@ApplicationScoped
public class Governance {

    public record ReviewInput(Instant heldAt, List<GovernanceReviewRecorded.Policy> policies, String stakeholderFeedback,
                              List<GovernanceReviewRecorded.Decision> decisions) {
    }

    public record Review(String quarter, Instant heldAt, List<GovernanceReviewRecorded.Policy> policies, String stakeholderFeedback,
                         List<GovernanceReviewRecorded.Decision> decisions, String recordedBy, Instant recordedAt) {
    }

    /** A quarter: its review (null until held) and the feedback of the participants of its resolved P1/P2s. */
    public record QuarterView(String quarter, Review review, GovernanceRules.Feedback responderFeedback) {
    }

    public record SurveyView(UUID surveyId, UUID incidentId, String incidentKey, String priority, Instant invitedAt, Instant answeredAt, Integer rating,
                             String wentWell, String toImprove) {
        static SurveyView of(GovernanceRepository.Survey s) {
            return new SurveyView(s.surveyId(), s.incidentId(), s.incidentKey(), s.priority(), s.invitedAt(), s.answeredAt(), s.rating(), s.wentWell(),
                    s.toImprove());
        }
    }

    public record AnswerInput(Integer rating, String wentWell, String toImprove) {
    }

    private final GovernanceRepository repository;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final Clock clock;

    public Governance(GovernanceRepository repository, Outbox outbox, ObjectMapper mapper, Clock clock) {
        this.repository = repository;
        this.outbox = outbox;
        this.mapper = mapper;
        this.clock = clock;
    }

    // A review meeting before 1970 is a typo, not a date (years past 9999 never reach here: platform TimeBounds).
    private static final Instant EARLIEST_HELD_AT = Instant.parse("1970-01-01T00:00:00Z");

    static List<Violation> check(ReviewInput in) {
        List<Violation> v = new ArrayList<>();
        if (in == null || in.heldAt() == null) {
            v.add(new Violation("heldAt", "is required"));
        } else if (in.heldAt().isBefore(EARLIEST_HELD_AT)) {
            v.add(new Violation("heldAt", "must not lie before 1970-01-01"));
        }
        if (in == null || in.policies() == null || in.policies().isEmpty()) {
            v.add(new Violation("policies", "name at least one policy and the version reviewed"));
        } else {
            for (int i = 0; i < in.policies().size(); i++) {
                GovernanceReviewRecorded.Policy p = in.policies().get(i);
                if (p == null || blank(p.name()) || blank(p.version())) {
                    v.add(new Violation("policies[" + i + "]", "needs a name and a version"));
                }
            }
        }
        if (in != null && in.decisions() != null) {
            for (int i = 0; i < in.decisions().size(); i++) {
                if (in.decisions().get(i) == null || blank(in.decisions().get(i).decision())) {
                    v.add(new Violation("decisions[" + i + "].decision", "is required"));
                }
            }
        }
        if (in != null && in.stakeholderFeedback() != null && in.stakeholderFeedback().length() > 20_000) {
            v.add(new Violation("stakeholderFeedback", "is at most 20,000 characters"));
        }
        return v;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private String json(Object o) {
        try {
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records (or amends) the quarter's review; answers whether it was new. */
    @WithTransaction
    public Uni<Boolean> record(String quarterText, ReviewInput in, Actor actor) {
        Quarter q = QueryParams.quarter("quarter", quarterText);
        List<Violation> problems = check(in);
        if (!problems.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(problems));
        }
        List<GovernanceReviewRecorded.Decision> decisions = in.decisions() == null ? List.of() : in.decisions();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return repository.review(q.toString(), true).chain(existing -> repository.surveysBetween(q.start(), q.end()).chain(surveys -> {
            int answered = (int) surveys.stream().filter(s -> s.rating() != null).count();
            return repository.save(new GovernanceRepository.Review(q.toString(), in.heldAt(), json(in.policies()), in.stakeholderFeedback(),
                            json(decisions), actor.user(), now))
                    .chain(() -> outbox.record(EventTypes.GOVERNANCE_REVIEW_RECORDED, q.toString(), new GovernanceReviewRecorded(q.toString(),
                            in.heldAt(), in.policies(), decisions, answered, actor.user(), now)))
                    .replaceWith(existing == null);
        }));
    }

    @WithSession
    public Uni<QuarterView> view(String quarterText) {
        Quarter q = QueryParams.quarter("quarter", quarterText);
        return repository.review(q.toString(), false).chain(r -> repository.surveysBetween(q.start(), q.end()).map(surveys -> new QuarterView(
                q.toString(), r == null ? null : new Review(r.quarter(), r.heldAt(), read(r.policies(), new TypeReference<>() {
                }), r.stakeholderFeedback(), read(r.decisions(), new TypeReference<>() {
                }), r.recordedBy(), r.recordedAt()),
                GovernanceRules.feedback(surveys.stream().map(s -> new GovernanceRules.Answer(s.priority(), s.rating(), s.wentWell(), s.toImprove()))
                        .toList()))));
    }

    /** Whether the quarter's review was recorded (the reminder asks for it until it is). */
    @WithSession
    public Uni<Boolean> reviewed(Quarter q) {
        return repository.review(q.toString(), false).map(r -> r != null);
    }

    @WithSession
    public Uni<List<SurveyView>> mine(Actor actor) {
        return repository.surveysOf(actor.user()).map(l -> l.stream().map(SurveyView::of).toList());
    }

    /** The invited person answers once; anyone else's survey does not exist for them (404). */
    @WithTransaction
    public Uni<SurveyView> answer(UUID id, AnswerInput in, Actor actor) {
        List<Violation> problems = new ArrayList<>();
        if (in == null || in.rating() == null || in.rating() < 1 || in.rating() > 5) {
            problems.add(new Violation("rating", "is required, from 1 (poorly) to 5 (very well)"));
        }
        if (in != null && (length(in.wentWell()) > 4_000 || length(in.toImprove()) > 4_000)) {
            problems.add(new Violation("wentWell", "each answer is at most 4,000 characters"));
        }
        if (!problems.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(problems));
        }
        return repository.survey(id, true).chain(s -> {
            if (s == null || !s.person().equals(actor.user())) {
                return Uni.createFrom().failure(ProblemException.notFound("Survey", id));
            }
            if (s.answeredAt() != null) {
                return Uni.createFrom().failure(ProblemException.conflict("The survey was answered at " + s.answeredAt() + "; an answer is final"));
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            return repository.answer(id, in.rating(), trim(in.wentWell()), trim(in.toImprove()), now)
                    .chain(() -> outbox.record(EventTypes.RESPONDER_SURVEY_ANSWERED, s.incidentId().toString(),
                            new ResponderSurveyAnswered(s.incidentId(), id, in.rating(), now)))
                    .replaceWith(new SurveyView(s.surveyId(), s.incidentId(), s.incidentKey(), s.priority(), s.invitedAt(), now, in.rating(),
                            trim(in.wentWell()), trim(in.toImprove())));
        });
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
