package io.firebreak.response.domain.oncall;

import io.firebreak.platform.problem.ProblemException;
import io.firebreak.response.model.oncall.CalendarToken;
import io.firebreak.response.model.oncall.Schedule;
import io.firebreak.response.persistence.oncall.CalendarTokenRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * iCalendar feeds of on-call shifts, as PagerDuty offers: a person's own shifts across schedules, and a
 * schedule's final schedule. A calendar application cannot log in, so the feed URL carries a personal
 * token; creating a new one revokes the old. Feeds cover the past week and the next 60 days.
 */
@ApplicationScoped
public class Calendars {

    static final Duration PAST = Duration.ofDays(7);
    static final Duration AHEAD = Duration.ofDays(60);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CalendarTokenRepository tokens;
    private final OnCallQueries queries;
    private final Schedules schedules;
    private final Clock clock;

    public Calendars(CalendarTokenRepository tokens, OnCallQueries queries, Schedules schedules, Clock clock) {
        this.tokens = tokens;
        this.queries = queries;
        this.schedules = schedules;
        this.clock = clock;
    }

    /** A new token for the person (the only time it is shown); an older one stops working. */
    @WithTransaction
    public Uni<String> newToken(String person) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return tokens.findById(person).chain(existing -> {
            CalendarToken t = existing != null ? existing : new CalendarToken();
            t.person = person;
            t.tokenHash = hash(token);
            t.createdAt = clock.instant();
            return existing != null ? Uni.createFrom().item(t) : tokens.persist(t);
        }).replaceWith(token);
    }

    @WithTransaction
    public Uni<Boolean> revoke(String person) {
        return tokens.deleteById(person);
    }

    /** The person's shifts; the token must be theirs (anything else is 404: the feed does not exist for the caller). */
    @WithSession
    public Uni<String> personFeed(String person, String token) {
        return owner(token).chain(owner -> {
            if (!person.equals(owner)) {
                return Uni.createFrom().failure(ProblemException.notFound("Calendar of", person));
            }
            Instant now = clock.instant();
            return queries.shiftsOf(person, now.minus(PAST), now.plus(AHEAD)).map(list -> {
                List<ICalendars.Event> events = new ArrayList<>();
                for (Map.Entry<Schedule, Shift> e : list) {
                    Schedule s = e.getKey();
                    Shift shift = e.getValue();
                    events.add(new ICalendars.Event(s.id + "-" + shift.start().getEpochSecond() + "@firebreak", shift.start(), shift.end(),
                            "On call: " + s.name + " (" + s.teamId + ", " + s.role + ")", "Source: " + shift.source()));
                }
                return ICalendars.write(person, events);
            });
        });
    }

    /** A schedule's final schedule; any valid personal token reads it (every Firebreak user may). */
    @WithSession
    public Uni<String> scheduleFeed(UUID scheduleId, String token) {
        return owner(token).chain(owner -> schedules.require(scheduleId)).chain(s -> {
            Instant now = clock.instant();
            return queries.finalSchedule(scheduleId, now.minus(PAST), now.plus(AHEAD)).map(list -> ICalendars.write(s.name,
                    list.stream().map(shift -> new ICalendars.Event(s.id + "-" + shift.start().getEpochSecond() + "@firebreak", shift.start(),
                            shift.end(), shift.person() + " on call: " + s.name, "Source: " + shift.source())).toList()));
        });
    }

    private Uni<String> owner(String token) {
        if (token == null || token.isBlank()) {
            return Uni.createFrom().failure(ProblemException.notFound("Calendar token", "(none)"));
        }
        return tokens.byHash(hash(token)).map(t -> {
            if (t == null) {
                throw ProblemException.notFound("Calendar token", "(given)");
            }
            return t.person;
        });
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
