package io.firebreak.platform.access;

import static io.firebreak.testing.TestKafkaClient.header;
import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.platform.inbox.CloudEventEnvelope;
import io.firebreak.platform.testapp.WidgetService;
import io.firebreak.testing.FirebreakTestResource;
import io.firebreak.testing.TestKafkaClient;
import io.firebreak.testing.TestRun;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(FirebreakTestResource.class)
class IncidentAccessTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String TOPIC = TestRun.topic("platform_test");

    private final WidgetService widgets;
    private final IncidentAccess access;

    IncidentAccessTest(WidgetService widgets, IncidentAccess access) {
        this.widgets = widgets;
        this.access = access;
    }

    @Test
    void eventsOfARestrictedSubjectCarryTheFlagUntilItIsLifted() throws Throwable {
        UUID subject = UUID.randomUUID();
        UUID before = VertxContextSupport.subscribeAndAwait(() -> widgets.create(subject.toString(), "open", 0, false));
        UUID during = VertxContextSupport.subscribeAndAwait(() -> widgets.createAfterRestriction(subject, "restricted", true));
        UUID after = VertxContextSupport.subscribeAndAwait(() -> widgets.createAfterRestriction(subject, "lifted", false));

        List<ConsumerRecord<String, byte[]>> records = TestKafkaClient.readUntil(TOPIC,
                r -> r.stream().anyMatch(c -> after.toString().equals(header(c, "ce_id"))), WAIT);
        assertThat(flagOf(records, before)).isNull();
        assertThat(flagOf(records, during)).isEqualTo("true");
        assertThat(flagOf(records, after)).isNull();

        ConsumerRecord<String, byte[]> flagged = only(records, during);
        assertThat(CloudEventEnvelope.decode(flagged.headers(), flagged.value()).restricted()).isTrue();
        ConsumerRecord<String, byte[]> plain = only(records, after);
        assertThat(CloudEventEnvelope.decode(plain.headers(), plain.value()).restricted()).isFalse();
    }

    @Test
    void aRestrictedSubjectIsVisibleOnlyToItsMembers() throws Throwable {
        UUID subject = UUID.randomUUID();
        transaction(() -> access.restrict(subject, "ic", "data exposure", Instant.now())
                .chain(() -> access.enrol(subject, "rita", MemberKind.PAGED, "system", Instant.now())));

        assertThat(sight(subject, "rita").visible()).isTrue();
        assertThat(sight(subject, "olga").visible()).isFalse();
        assertThat(sight(subject, "olga").restricted()).isTrue();

        // A second automatic enrolment keeps the kind the commander chose; the commander's choice replaces it.
        assertThat(transaction(() -> access.admit(subject, "rita", MemberKind.OBSERVER, "ic", Instant.now()))).isTrue();
        assertThat(transaction(() -> access.enrol(subject, "rita", MemberKind.ROLE, "system", Instant.now()))).isFalse();
        assertThat(transaction(() -> access.members(subject))).extracting(WarRoomMember::kind).containsExactly(MemberKind.OBSERVER);

        assertThat(transaction(() -> access.remove(subject, "rita"))).isTrue();
        assertThat(sight(subject, "rita").visible()).isFalse();
        assertThat(transaction(() -> access.lift(subject))).isTrue();
        assertThat(sight(subject, "rita").visible()).isTrue();
        assertThat(transaction(() -> access.lift(subject))).isFalse();
    }

    private Sight sight(UUID subject, String person) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> access.sight(subject, person));
    }

    private static <T> T transaction(java.util.function.Supplier<io.smallrye.mutiny.Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(work));
    }

    private static String flagOf(List<ConsumerRecord<String, byte[]>> records, UUID id) {
        return header(only(records, id), "ce_restricted");
    }

    private static ConsumerRecord<String, byte[]> only(List<ConsumerRecord<String, byte[]>> records, UUID id) {
        List<ConsumerRecord<String, byte[]>> mine = records.stream().filter(r -> id.toString().equals(header(r, "ce_id"))).toList();
        assertThat(mine).hasSize(1);
        return mine.get(0);
    }
}
