package io.firebreak.response.domain.paging;

import io.firebreak.response.domain.warroom.WarRooms;
import io.firebreak.events.EventTypes;
import io.firebreak.events.PageFailed;
import io.firebreak.events.PageTriggered;
import io.firebreak.platform.deadline.Deadlines;
import io.firebreak.platform.delivery.OutboundDeliveries;
import io.firebreak.platform.outbox.Outbox;
import io.firebreak.response.config.ResponseConfig;
import io.firebreak.response.domain.roles.IncidentRoles;
import io.firebreak.response.model.roles.IncidentRoleKind;
import io.firebreak.response.domain.contact.ChannelMessages;
import io.firebreak.response.model.oncall.ContactMethod;
import io.firebreak.response.model.oncall.NotificationRules;
import io.firebreak.response.model.oncall.NotificationStep;
import io.firebreak.response.model.paging.Escalation;
import io.firebreak.response.model.paging.IncidentPaging;
import io.firebreak.response.model.paging.Page;
import io.firebreak.response.model.paging.PageStatus;
import io.firebreak.response.model.paging.PagingStatus;
import io.firebreak.response.persistence.contact.ContactMethodRepository;
import io.firebreak.response.persistence.paging.IncidentPagingRepository;
import io.firebreak.response.persistence.paging.PageRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Pages people and works through their notification rules: steps without delay go out at once, later
 * steps and repeats are durable deadlines, and a channel that fails for good hands over to the next
 * step at once. Every call runs inside the caller's transaction.
 */
@ApplicationScoped
public class PageNotifier {

    public static final String PURPOSE = "response.page";
    public static final String STEP = "response.page-step";
    public static final String REPEAT = "response.page-repeat";

    private final PageRepository pages;
    private final IncidentPagingRepository pagings;
    private final ContactMethodRepository methods;
    private final OutboundDeliveries deliveries;
    private final Deadlines deadlines;
    private final Outbox outbox;
    private final AckLinks links;
    private final ResponseConfig config;
    private final Clock clock;

    private final IncidentRoles roles;

    private final WarRooms warRooms;

    public PageNotifier(PageRepository pages, IncidentPagingRepository pagings, ContactMethodRepository methods,
                        OutboundDeliveries deliveries, Deadlines deadlines, Outbox outbox,
                        AckLinks links, ResponseConfig config, Clock clock, IncidentRoles roles,
                        WarRooms warRooms) {
        this.warRooms = warRooms;
        this.roles = roles;
        this.pages = pages;
        this.pagings = pagings;
        this.methods = methods;
        this.deliveries = deliveries;
        this.deadlines = deadlines;
        this.outbox = outbox;
        this.links = links;
        this.config = config;
        this.clock = clock;
    }

    /** One planned notification: through this method, this long after the page (or repeat) started. */
    record Planned(int step, ContactMethod method, int delayMinutes) {
    }

    /**
     * Pages every recipient not yet paged at this level and round of the incident; answers the new pages. The deadlines
     * their rules need (later steps, repeats) go into {@code later}, for the caller to schedule with its own.
     */
    public Uni<List<Page>> page(IncidentPaging paging, Escalation escalation, List<Recipient> recipients, Deadlines.Batch later) {
        Uni<List<Page>> all = Uni.createFrom().item(new ArrayList<>());
        for (Recipient r : recipients) {
            all = all.chain(created -> exists(paging, escalation, r.person()).chain(exists -> {
                if (exists) {
                    return Uni.createFrom().item(created);
                }
                return pageOne(paging, escalation, r, later).map(p -> {
                    created.add(p);
                    return created;
                });
            }));
        }
        return all;
    }

    /** One page per person, level and round of an incident (a unique key); a fresh paging knows its pages without asking. */
    private Uni<Boolean> exists(IncidentPaging paging, Escalation escalation, String person) {
        if (paging.fresh) {
            return Uni.createFrom().item(!paging.pagedNow.add(escalation.level + "/" + escalation.round + "/" + person));
        }
        return pages.exists(paging.incidentId, escalation.level, escalation.round, person);
    }

    private Uni<Page> pageOne(IncidentPaging paging, Escalation escalation, Recipient r, Deadlines.Batch later) {
        Instant now = clock.instant();
        Page p = new Page();
        p.id = UUID.randomUUID();
        p.incidentId = paging.incidentId;
        p.escalationId = escalation.id;
        p.level = escalation.level;
        p.round = escalation.round;
        p.person = r.person();
        p.teamId = r.teamId();
        p.role = r.role();
        p.urgency = paging.priority.name();
        p.status = PageStatus.TRIGGERED;
        p.triggeredAt = now;
        if (paging.firstPageAt == null) {
            paging.firstPageAt = now;
        }
        return pages.persist(p)
                .call(() -> outbox.record(EventTypes.PAGE_TRIGGERED, paging.incidentId.toString(), new PageTriggered(paging.incidentId,
                        paging.incidentKey, p.id, escalation.id, p.person, p.teamId, p.role == null ? null : p.role.name(), p.level,
                        p.round, paging.priority, paging.drill, paging.declaredAt, now)))
                .call(() -> warRooms.paged(paging.incidentId, p.person, now))
                .call(() -> p.role == null || IncidentRoleKind.of(p.role) == null ? Uni.createFrom().voidItem()
                        : roles.pagedForRole(paging.incidentId, IncidentRoleKind.of(p.role), p.person, p.id, now))
                .call(() -> run(paging, p, 0, later));
    }

    /** Runs the person's rules (repeat number {@code repeat}): immediate steps now, later ones as deadlines into {@code later}. */
    private Uni<Void> run(IncidentPaging paging, Page p, int repeat, Deadlines.Batch later) {
        return planned(p).chain(planned -> {
            List<Planned> plan = planned.steps();
            NotificationRules r = planned.rules();
            if (plan.isEmpty()) {
                return repeat == 0 ? fail(paging, p, "no verified contact method") : Uni.createFrom().voidItem();
            }
            Uni<Void> chain = Uni.createFrom().voidItem();
            Instant now = clock.instant();
            for (Planned step : plan) {
                if (step.delayMinutes() == 0) {
                    chain = chain.chain(() -> send(paging, p, repeat, step));
                } else {
                    later.add(STEP, stepSubject(p, repeat, step.step()), now.plus(Duration.ofMinutes(step.delayMinutes())), null);
                }
            }
            if (r != null && r.repeatMinutes != null && repeat < config.paging().maxRepeats()) {
                later.add(REPEAT, p.incidentId + "/" + p.id + "/" + (repeat + 1), now.plus(Duration.ofMinutes(r.repeatMinutes)), null);
            }
            return chain;
        });
    }

    private Uni<Void> send(IncidentPaging paging, Page p, int repeat, Planned step) {
        ChannelMessages.Notification n = notification(paging, p);
        return deliveries.enqueue(PURPOSE, reference(p, repeat, step), null, ChannelMessages.of(step.method(), n, config), null)
                .replaceWithVoid();
    }

    /** A step's deadline came: send it, unless the page was acknowledged or the paging stopped meanwhile. */
    public Uni<Void> stepDue(String subject) {
        String[] parts = subject.split("/");
        UUID pageId = UUID.fromString(parts[1]);
        String[] rs = parts[2].split("\\.");
        int repeat = Integer.parseInt(rs[0]);
        int stepIndex = Integer.parseInt(rs[1]);
        return live(pageId).chain(found -> found == null ? Uni.createFrom().voidItem()
                : plan(found.page()).chain(plan -> plan.stream().filter(s -> s.step() == stepIndex).findFirst()
                        .map(step -> send(found.paging(), found.page(), repeat, step)).orElse(Uni.createFrom().voidItem())));
    }

    /** A repeat came due: the person's rules run again from the first step. */
    public Uni<Void> repeatDue(String subject) {
        String[] parts = subject.split("/");
        UUID pageId = UUID.fromString(parts[1]);
        int repeat = Integer.parseInt(parts[2]);
        Deadlines.Batch later = deadlines.batch();
        return live(pageId).chain(found -> found == null ? Uni.createFrom().voidItem()
                : run(found.paging(), found.page(), repeat, later).chain(() -> deadlines.schedule(later)));
    }

    /**
     * A channel gave up: the next step not yet sent goes out now; when nothing is left to try and nothing
     * reached the person, the page failed.
     */
    public Uni<Void> channelFailed(String reference) {
        Ref ref = Ref.parse(reference);
        return live(ref.pageId()).chain(found -> {
            if (found == null) {
                return Uni.createFrom().voidItem();
            }
            return plan(found.page()).chain(plan -> nextPending(found.page(), ref.repeat(), ref.step(), plan)).chain(sent -> {
                if (sent) {
                    return Uni.createFrom().voidItem();
                }
                return deliveries.pendingWithPrefix(PURPOSE, prefix(found.page())).chain(pending ->
                        pending == 0 && found.page().status == PageStatus.TRIGGERED
                                ? fail(found.paging(), found.page(), "every channel failed")
                                : Uni.createFrom().voidItem());
            });
        });
    }

    private Uni<Boolean> nextPending(Page p, int repeat, int failedStep, List<Planned> plan) {
        Uni<Boolean> chain = Uni.createFrom().item(false);
        for (Planned step : plan) {
            if (step.step() <= failedStep) {
                continue;
            }
            chain = chain.chain(sent -> sent ? Uni.createFrom().item(true)
                    : deadlines.cancel(STEP, stepSubject(p, repeat, step.step())).chain(wasPending -> !wasPending
                            ? Uni.createFrom().item(false)
                            : pagings.findById(p.incidentId).chain(paging -> send(paging, p, repeat, step)).replaceWith(true)));
        }
        return chain;
    }

    private record Live(IncidentPaging paging, Page page) {
    }

    /** The page and its paging while both still want notifications; null otherwise. */
    private Uni<Live> live(UUID pageId) {
        return pages.findById(pageId).chain(p -> p == null || p.status == PageStatus.ACKNOWLEDGED || p.status == PageStatus.CANCELLED
                ? Uni.createFrom().nullItem()
                : pagings.findById(p.incidentId).map(paging -> paging == null || paging.status != PagingStatus.ACTIVE ? null : new Live(paging, p)));
    }

    private Uni<Void> fail(IncidentPaging paging, Page p, String reason) {
        p.status = PageStatus.FAILED;
        return outbox.record(EventTypes.PAGE_FAILED, paging.incidentId.toString(),
                new PageFailed(paging.incidentId, p.id, p.person, reason, p.triggeredAt, clock.instant())).replaceWithVoid();
    }

    /** The person's steps and the rules they came from (null without rules). */
    record Plan(List<Planned> steps, NotificationRules rules) {
    }

    Uni<List<Planned>> plan(Page p) {
        return planned(p).map(Plan::steps);
    }

    /** The person's steps over verified methods; without rules, every verified method at once. */
    Uni<Plan> planned(Page p) {
        return methods.planOf(p.person, p.urgency).map(found -> {
            List<ContactMethod> verified = found.verified();
            NotificationRules r = found.rules();
            List<Planned> plan = new ArrayList<>();
            if (r != null && !r.steps.isEmpty()) {
                for (int i = 0; i < r.steps.size(); i++) {
                    NotificationStep s = r.steps.get(i);
                    int index = i;
                    verified.stream().filter(m -> m.id.equals(s.contactMethodId())).findFirst()
                            .ifPresent(m -> plan.add(new Planned(index, m, s.delayMinutes())));
                }
            }
            if (plan.isEmpty()) {
                for (int i = 0; i < verified.size(); i++) {
                    plan.add(new Planned(i, verified.get(i), 0));
                }
            }
            return new Plan(plan, r);
        });
    }

    ChannelMessages.Notification notification(IncidentPaging paging, Page p) {
        String as = p.role != null ? p.role.name().replace('_', ' ').toLowerCase(Locale.ROOT)
                : p.teamId != null ? "on-call for " + p.teamId : "responder";
        String drill = paging.drill ? "[DRILL] " : "";
        String subject = drill + "[" + paging.priority + "] " + paging.incidentKey + " " + paging.title + " — paged as " + as;
        String text = drill + paging.priority + " incident " + paging.incidentKey + " on " + paging.businessService + ": " + paging.title
                + ". You are paged as " + as + " (escalation level " + (p.level + 1) + "). Acknowledge to stop the escalation.";
        String link = links.linkFor(p.id);
        return new ChannelMessages.Notification(subject, text, link, "Acknowledge", "page.triggered", Map.of(
                "incidentId", paging.incidentId.toString(), "incidentKey", paging.incidentKey, "pageId", p.id.toString(),
                "priority", paging.priority.name(), "businessService", paging.businessService, "title", paging.title,
                "level", String.valueOf(p.level + 1), "drill", String.valueOf(paging.drill), "acknowledgeUrl", link),
                links.tokenFor(p.id));
    }

    static String prefix(Page p) {
        return "page:" + p.incidentId + "/" + p.id + "/";
    }

    /** Everything pending for the incident's pages starts with this. */
    public static String incidentPrefix(UUID incidentId) {
        return "page:" + incidentId + "/";
    }

    static String reference(Page p, int repeat, Planned step) {
        return prefix(p) + repeat + "." + step.step() + "/" + step.method().id;
    }

    static String stepSubject(Page p, int repeat, int step) {
        return p.incidentId + "/" + p.id + "/" + repeat + "." + step;
    }

    /** A page delivery's reference, parsed. */
    record Ref(UUID incidentId, UUID pageId, int repeat, int step, UUID methodId) {
        static Ref parse(String reference) {
            String[] parts = reference.substring("page:".length()).split("/");
            String[] rs = parts[2].split("\\.");
            return new Ref(UUID.fromString(parts[0]), UUID.fromString(parts[1]), Integer.parseInt(rs[0]), Integer.parseInt(rs[1]),
                    UUID.fromString(parts[3]));
        }
    }
}
