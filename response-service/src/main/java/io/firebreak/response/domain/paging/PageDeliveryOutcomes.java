package io.firebreak.response.domain.paging;

import io.firebreak.events.EventTypes;
import io.firebreak.events.PageDelivered;
import io.firebreak.platform.delivery.DeliveryOutcome;
import io.firebreak.platform.delivery.DeliveryOutcomeHandler;
import io.firebreak.platform.outbox.Outbox;
import io.firebreak.response.model.paging.Page;
import io.firebreak.response.model.paging.PageStatus;
import io.firebreak.response.persistence.contact.ContactMethodRepository;
import io.firebreak.response.persistence.paging.PageRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/**
 * What became of a page's notifications: the first one delivered marks the page delivered (published
 * once); one that failed for good hands over to the person's next step.
 */
@ApplicationScoped
public class PageDeliveryOutcomes implements DeliveryOutcomeHandler {

    private final PageRepository pages;
    private final ContactMethodRepository methods;
    private final PageNotifier notifier;
    private final Outbox outbox;
    private final Clock clock;

    public PageDeliveryOutcomes(PageRepository pages, ContactMethodRepository methods, PageNotifier notifier, Outbox outbox, Clock clock) {
        this.pages = pages;
        this.methods = methods;
        this.notifier = notifier;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public String purpose() {
        return PageNotifier.PURPOSE;
    }

    @Override
    public Uni<Void> finished(DeliveryOutcome outcome) {
        PageNotifier.Ref ref = PageNotifier.Ref.parse(outcome.reference());
        if (!outcome.delivered()) {
            return notifier.channelFailed(outcome.reference());
        }
        return pages.findById(ref.pageId()).chain(p -> {
            if (p == null || p.deliveredAt != null && !Page.PROVEN_BY_LINK.equals(p.deliveredVia)) {
                return Uni.createFrom().voidItem();
            }
            return methods.findById(ref.methodId()).chain(m -> {
                // Known from its link's use already: that earlier moment stays; the channel is now known and published.
                if (p.deliveredAt == null) {
                    p.deliveredAt = clock.instant();
                }
                p.deliveredVia = m == null ? null : m.kind.name();
                if (p.status == PageStatus.TRIGGERED || p.status == PageStatus.FAILED) {
                    p.status = PageStatus.DELIVERED;
                }
                return outbox.record(EventTypes.PAGE_DELIVERED, p.incidentId.toString(), new PageDelivered(p.incidentId, p.id, p.person,
                        p.deliveredVia == null ? "UNKNOWN" : p.deliveredVia, ref.methodId(), outcome.attempts(), p.triggeredAt,
                        p.deliveredAt)).replaceWithVoid();
            });
        });
    }
}
