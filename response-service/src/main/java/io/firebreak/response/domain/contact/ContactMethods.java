package io.firebreak.response.domain.contact;

import io.firebreak.platform.delivery.Destinations;
import io.firebreak.platform.delivery.OutboundDeliveries;
import io.firebreak.platform.delivery.StandardWebhooks;
import io.firebreak.platform.problem.ProblemException;
import io.firebreak.platform.problem.Violation;
import io.firebreak.response.config.ResponseConfig;
import io.firebreak.response.model.oncall.ContactKind;
import io.firebreak.response.model.oncall.ContactMethod;
import io.firebreak.response.model.oncall.NotificationRules;
import io.firebreak.response.model.oncall.NotificationStep;
import io.firebreak.response.persistence.contact.ContactMethodRepository;
import io.firebreak.response.persistence.contact.NotificationRulesRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A person's own contact methods and notification rules. A method is used for paging only once its
 * owner proved it reaches them: a six-digit code is sent through it and typed back.
 */
@ApplicationScoped
public class ContactMethods {

    /** The delivery purpose of verification messages. */
    public static final String VERIFICATION = "response.verification";

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ContactMethodRepository methods;
    private final NotificationRulesRepository rules;
    private final OutboundDeliveries deliveries;
    private final ResponseConfig config;
    private final Clock clock;

    public ContactMethods(ContactMethodRepository methods, NotificationRulesRepository rules, OutboundDeliveries deliveries,
                          ResponseConfig config, Clock clock) {
        this.methods = methods;
        this.rules = rules;
        this.deliveries = deliveries;
        this.config = config;
        this.clock = clock;
    }

    /** A new method, unverified; a webhook's signing secret is in the answer this once. */
    @WithTransaction
    public Uni<ContactMethod> add(String person, ContactKind kind, String address, String label) {
        List<Violation> violations = new ArrayList<>();
        String normalised = address == null ? null : address.strip();
        if (kind == null) {
            violations.add(new Violation("kind", "must be EMAIL, SMS, VOICE, SLACK, MATTERMOST, TEAMS or WEBHOOK"));
        } else if (normalised == null || normalised.isEmpty()) {
            violations.add(new Violation("address", "is required"));
        } else {
            String problem = checkAddress(kind, normalised);
            if (problem != null) {
                violations.add(new Violation("address", problem));
            }
        }
        if (label != null && label.length() > 100) {
            violations.add(new Violation("label", "must be at most 100 characters"));
        }
        if (!violations.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(violations));
        }
        ContactMethod m = new ContactMethod();
        m.id = UUID.randomUUID();
        m.person = person;
        m.kind = kind;
        m.address = kind == ContactKind.EMAIL ? normalised.toLowerCase(java.util.Locale.ROOT) : normalised;
        m.label = label;
        m.signingSecret = kind == ContactKind.WEBHOOK ? StandardWebhooks.newSecret() : null;
        m.createdAt = clock.instant();
        return methods.persist(m);
    }

    /** Sends a new code through the method (replacing an earlier one); answers when it expires. */
    @WithTransaction
    public Uni<Instant> requestVerification(String person, UUID id) {
        return own(person, id).chain(m -> {
            String code = String.format("%06d", RANDOM.nextInt(1_000_000));
            m.codeHash = hash(m.id, code);
            m.codeExpiresAt = clock.instant().plus(config.verificationTtl());
            m.codeAttempts = 0;
            ChannelMessages.Notification n = new ChannelMessages.Notification("Firebreak verification code " + code,
                    "Your Firebreak verification code for this " + m.kind.name().toLowerCase(java.util.Locale.ROOT) + " contact method is "
                            + code + ". It expires in " + config.verificationTtl().toMinutes() + " minutes.",
                    null, null, "contact.verification", Map.of("code", code, "contactMethodId", m.id.toString()));
            return deliveries.enqueue(VERIFICATION, "verify:" + m.id, null, ChannelMessages.of(m, n, config), 5)
                    .replaceWith(m.codeExpiresAt);
        });
    }

    /** The answer to a code: the method (verified when right) and, when wrong, how many attempts are left. */
    public record Verification(ContactMethod method, boolean verified, int attemptsLeft) {
    }

    /**
     * Checks a code; a right one verifies the method. A wrong one is counted and the count committed (it is
     * an answer, not a failure, so the transaction keeps it); the caller answers it as a 422.
     */
    @WithTransaction
    public Uni<Verification> verify(String person, UUID id, String code) {
        return own(person, id).chain(m -> {
            if (m.verified()) {
                return Uni.createFrom().item(new Verification(m, true, 0));
            }
            if (m.codeHash == null || m.codeExpiresAt == null || !clock.instant().isBefore(m.codeExpiresAt)) {
                return Uni.createFrom().failure(ProblemException.conflict("No valid code is pending for this contact method; request one"));
            }
            if (m.codeAttempts >= config.verificationAttempts()) {
                return Uni.createFrom().failure(ProblemException.conflict("Too many wrong codes; request a new one"));
            }
            if (code == null || !MessageDigest.isEqual(hash(m.id, code.strip()).getBytes(StandardCharsets.US_ASCII),
                    m.codeHash.getBytes(StandardCharsets.US_ASCII))) {
                m.codeAttempts++;
                return Uni.createFrom().item(new Verification(m, false, config.verificationAttempts() - m.codeAttempts));
            }
            m.verifiedAt = clock.instant();
            m.codeHash = null;
            m.codeExpiresAt = null;
            m.codeAttempts = 0;
            return Uni.createFrom().item(new Verification(m, true, 0));
        });
    }

    @WithTransaction
    public Uni<Void> remove(String person, UUID id) {
        return own(person, id).chain(m -> rules.of(person).chain(list -> {
            for (NotificationRules r : list) {
                r.steps = r.steps.stream().filter(s -> !s.contactMethodId().equals(id)).toList();
            }
            return methods.delete(m);
        }));
    }

    @WithSession
    public Uni<List<ContactMethod>> of(String person) {
        return methods.of(person);
    }

    @WithSession
    public Uni<List<NotificationRules>> rulesOf(String person) {
        return rules.of(person);
    }

    /** Replaces the person's rules for one urgency; every step names one of their own methods. */
    @WithTransaction
    public Uni<NotificationRules> putRules(String person, String urgency, List<NotificationStep> steps, Integer repeatMinutes) {
        if (!"P1".equals(urgency) && !"P2".equals(urgency)) {
            return Uni.createFrom().failure(ProblemException.notFound("Urgency", urgency));
        }
        return methods.of(person).chain(mine -> {
            List<Violation> violations = new ArrayList<>();
            List<NotificationStep> list = steps == null ? List.of() : steps;
            for (int i = 0; i < list.size(); i++) {
                NotificationStep s = list.get(i);
                if (s == null || s.contactMethodId() == null || mine.stream().noneMatch(m -> m.id.equals(s.contactMethodId()))) {
                    violations.add(new Violation("steps[" + i + "].contactMethodId", "must be one of your contact methods"));
                } else if (s.delayMinutes() < 0 || s.delayMinutes() > 120) {
                    violations.add(new Violation("steps[" + i + "].delayMinutes", "must be between 0 and 120"));
                }
            }
            if (repeatMinutes != null && (repeatMinutes < 1 || repeatMinutes > 120)) {
                violations.add(new Violation("repeatMinutes", "must be between 1 and 120, or absent for no repeat"));
            }
            if (!violations.isEmpty()) {
                return Uni.createFrom().failure(ProblemException.invalid(violations));
            }
            return rules.findById(new NotificationRules.Key(person, urgency)).chain(existing -> {
                NotificationRules r = existing != null ? existing : new NotificationRules();
                r.person = person;
                r.urgency = urgency;
                r.steps = List.copyOf(list);
                r.repeatMinutes = repeatMinutes;
                r.updatedAt = clock.instant();
                return existing != null ? Uni.createFrom().item(r) : rules.persist(r);
            });
        });
    }

    private Uni<ContactMethod> own(String person, UUID id) {
        // Someone else's method is answered as missing: its existence is not the caller's business.
        return methods.findById(id).map(m -> {
            if (m == null || !m.person.equals(person)) {
                throw ProblemException.notFound("Contact method", id);
            }
            return m;
        });
    }

    private String checkAddress(ContactKind kind, String address) {
        return switch (kind) {
            case EMAIL -> EMAIL.matcher(address).matches() ? null : "must be an e-mail address";
            case SMS, VOICE -> E164.matcher(address).matches() ? null : "must be an E.164 number such as +4915112345678";
            case SLACK, MATTERMOST, TEAMS, WEBHOOK -> checkUrl(address);
        };
    }

    private String checkUrl(String address) {
        return Destinations.webhookUrlRefusal(address, config.allowHttpWebhooks(), config.allowPrivateWebhookHosts());
    }

    static String hash(UUID id, String code) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((id + ":" + code).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
