package io.firebreak.platform.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.firebreak.platform.testapp.Db;
import io.firebreak.platform.work.AfterCommit;
import io.firebreak.platform.testapp.WidgetDeliveries;
import io.firebreak.testing.FirebreakTestResource;
import io.firebreak.testing.TestReceiver;
import io.firebreak.testing.TestSmtp;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(FirebreakTestResource.class)
class DeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final TestReceiver RECEIVER = new TestReceiver();
    /** Another server on the same host (another port). */
    private static final TestReceiver NEIGHBOUR = new TestReceiver();

    private final WidgetDeliveries.Sender sender;
    private final WidgetDeliveries.Secrets secrets;
    private final DeliveryWorker worker;

    DeliveryTest(WidgetDeliveries.Sender sender, WidgetDeliveries.Secrets secrets, DeliveryWorker worker) {
        this.sender = sender;
        this.secrets = secrets;
        this.worker = worker;
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
        NEIGHBOUR.close();
    }

    private static <T> T run(Supplier<Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(work);
    }

    /** Each test talks to the receiver under a host name of its own, so each has a circuit of its own. */
    private static final java.util.concurrent.atomic.AtomicInteger HOSTS = new java.util.concurrent.atomic.AtomicInteger(10);
    private final String host = "127.0.0." + HOSTS.incrementAndGet();

    private String url(String path) {
        return RECEIVER.url(host, path);
    }

    private static String path() {
        return "/hook/" + UUID.randomUUID();
    }

    private static String status(UUID id) {
        return Db.text("select status from platform_test.outbound_delivery where id = ?", id);
    }

    private static List<String> outcomes(UUID id) {
        List<String> list = new java.util.ArrayList<>();
        for (int attempt = 1; ; attempt++) {
            String outcome = Db.text("select outcome from platform_test.outbound_attempt where delivery_id = ? and attempt = ?", id, attempt);
            if (outcome == null) {
                return list;
            }
            list.add(outcome);
        }
    }

    @Test
    void aSignedWebhookArrivesOnceWithAStandardWebhooksSignatureOfItsExactBody() throws Throwable {
        String path = path();
        String ref = "endpoint-" + UUID.randomUUID();
        String secret = StandardWebhooks.newSecret();
        secrets.put(ref, List.of(secret));
        String body = "{\"type\":\"incident.declared\",\"data\":{\"key\":\"INC-2026-0001\"}}";

        UUID id = run(() -> sender.enqueue("ref-" + path, null, OutboundMessage.signedWebhook(url(path), body, ref), null, false));

        await().atMost(WAIT).until(() -> "DELIVERED".equals(status(id)));
        List<TestReceiver.Received> got = RECEIVER.received(path);
        assertThat(got).hasSize(1);
        TestReceiver.Received request = got.get(0);
        assertThat(request.body()).isEqualTo(body);
        assertThat(request.headers()).containsEntry("webhook-id", id.toString());
        long timestamp = Long.parseLong(request.headers().get("webhook-timestamp"));
        assertThat(timestamp).isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(60L));
        assertThat(StandardWebhooks.verify(secret, id.toString(), timestamp, request.body(), request.headers().get("webhook-signature")))
                .isTrue();
        assertThat(Db.text("select cast(delivered as text) from platform_test.widget_delivery_outcome where delivery_id = ?", id))
                .as("the outcome handler heard it, in the recording transaction").isEqualTo("true");
    }

    @Test
    void aFailingOutcomeHandlerNeverCausesASecondSendAndHearsTheOutcomeLater() throws Throwable {
        String path = path();
        String reference = WidgetDeliveries.Outcomes.FAILS_ONCE + path;
        UUID id = run(() -> sender.enqueue(reference, null, OutboundMessage.json(url(path), "{}"), 5, false));

        await().atMost(WAIT).until(() -> Db.count("select count(*) from platform_test.widget_delivery_outcome where delivery_id = ?", id) == 1);
        assertThat(status(id)).isEqualTo("DELIVERED");
        assertThat(Db.text("select cast(outcome_pending as text) from platform_test.outbound_delivery where id = ?", id)).isEqualTo("false");
        Thread.sleep(600); // longer than lease-free retry timing: a second send would have arrived
        assertThat(RECEIVER.received(path)).as("the message went out once although its first recording failed").hasSize(1);
        assertThat(outcomes(id)).containsExactly("DELIVERED");
    }

    @Test
    void aKeptAnswerReachesTheOutcomeHandlerAlsoWhenItHearsTheOutcomeOnlyLater() throws Throwable {
        String path = path();
        UUID kept = run(() -> sender.enqueue(WidgetDeliveries.Outcomes.FAILS_ONCE + path, null,
                OutboundMessage.json(url(path), "{}").keepingResponse(), 5, false));
        UUID notKept = run(() -> sender.enqueue("not-kept-" + path, null, OutboundMessage.json(url(path), "{}"), 5, false));

        await().atMost(WAIT).until(() -> Db.count("select count(*) from platform_test.widget_delivery_outcome where delivery_id in (?, ?)",
                kept, notKept) == 2);
        // The receiver answers {"status":<code>}: the handler that failed the first time heard the answer from the stored row.
        assertThat(Db.text("select response from platform_test.widget_delivery_outcome where delivery_id = ?", kept)).isEqualTo("{\"status\":200}");
        assertThat(Db.text("select response from platform_test.widget_delivery_outcome where delivery_id = ?", notKept)).isNull();
        assertThat(Db.text("select last_response from platform_test.outbound_delivery where id = ?", notKept)).isNull();
    }

    @Test
    void aDeliveryEnqueuedInARolledBackTransactionIsNeverSent() throws Throwable {
        String path = path();
        assertThatThrownBy(() -> run(() -> sender.enqueue("rolled-back", null, OutboundMessage.json(url(path), "{}"), null, true)))
                .hasMessageContaining("rolled back on purpose");
        Thread.sleep(1_000); // longer than the poll interval: a leaked row would have been sent
        assertThat(RECEIVER.received(path)).isEmpty();
    }

    @Test
    void aDeliveryEnqueuedInAnAfterCommitScopeGoesOutAtCommitWithoutWaitingForAClaim() throws Throwable {
        String path = path();
        run(worker::pauseClaims); // only the hand-over at commit can send it now
        try {
            UUID id = run(() -> AfterCommit.around(() -> sender.enqueue("at-commit", null, OutboundMessage.json(url(path), "{}"), null, false)));
            await().atMost(WAIT).until(() -> "DELIVERED".equals(status(id)));
            assertThat(RECEIVER.received(path)).hasSize(1);
            assertThat(outcomes(id)).containsExactly("DELIVERED");
        } finally {
            worker.resumeClaims();
        }
    }

    @Test
    void aDeliveryLeasedAtItsInsertWakesNoWorkerWhileAnUnleasedOneDoes() throws Throwable {
        // Sent at its commit by the worker it is leased to: a wake-up would only send every worker to claim nothing.
        int heard = io.firebreak.testing.TestPostgres.notificationsDuring("firebreak_delivery_platform_test", WAIT, () -> {
            run(() -> AfterCommit.around(() -> sender.enqueue("leased-at-insert", null, OutboundMessage.json(url(path()), "{}"), null, false)));
            run(() -> sender.enqueue("claimed", null, OutboundMessage.json(url(path()), "{}"), null, false));
        });
        assertThat(heard).as("wake-ups for one leased and one unleased insert").isEqualTo(1);
    }

    @Test
    void aDeliveryEnqueuedInAnAfterCommitScopeThatRollsBackIsNeverSent() throws Throwable {
        String path = path();
        assertThatThrownBy(() -> run(() -> AfterCommit.around(() -> sender.enqueue("rolled-back-in-scope", null,
                OutboundMessage.json(url(path), "{}"), null, true)))).hasMessageContaining("rolled back on purpose");
        Thread.sleep(1_000); // an action kept after the rollback would have sent it by now
        assertThat(RECEIVER.received(path)).isEmpty();
    }

    @Test
    void aDeliveryWhoseReplicaDiedBetweenCommitAndSendIsClaimedAfterItsLeaseAndSentOnce() throws Throwable {
        String path = path();
        worker.dropCommittedSends(true);
        UUID id;
        try {
            id = run(() -> AfterCommit.around(() -> sender.enqueue("died-at-commit", null, OutboundMessage.json(url(path), "{}"), null, false)));
        } finally {
            worker.dropCommittedSends(false);
        }
        assertThat(Db.text("select lease_owner from platform_test.outbound_delivery where id = ?", id))
                .as("inserted leased to the worker that was to send it").isEqualTo(worker.owner());
        Thread.sleep(1_000); // claims run every 200 ms, but the lease (5 s) holds them off
        assertThat(RECEIVER.received(path)).isEmpty();
        await().atMost(WAIT).until(() -> "DELIVERED".equals(status(id)));
        assertThat(RECEIVER.received(path)).hasSize(1);
    }

    @Test
    void aReceiverInTroubleIsRetriedWithBackoffUntilItAccepts() throws Throwable {
        String path = path();
        RECEIVER.answer(path, 503, 500);
        UUID id = run(() -> sender.enqueue("retry-" + path, null, OutboundMessage.json(url(path), "{\"n\":1}"), 5, false));

        await().atMost(WAIT).until(() -> "DELIVERED".equals(status(id)));
        List<TestReceiver.Received> got = RECEIVER.received(path);
        assertThat(got).hasSize(3);
        assertThat(Duration.between(got.get(0).at(), got.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(90));
        assertThat(Duration.between(got.get(1).at(), got.get(2).at())).as("the second wait doubles")
                .isGreaterThanOrEqualTo(Duration.ofMillis(180));
        assertThat(outcomes(id)).containsExactly("RETRY", "RETRY", "DELIVERED");
        assertThat(Db.count("select attempts from platform_test.widget_delivery_outcome where delivery_id = ?", id)).isEqualTo(3);
    }

    @Test
    void aRefusalByTheReceiverIsNotRetriedAndTheDeliveryIsDead() throws Throwable {
        String path = path();
        RECEIVER.answer(path, 400);
        UUID id = run(() -> sender.enqueue("refused-" + path, null, OutboundMessage.json(url(path), "{}"), 5, false));

        await().atMost(WAIT).until(() -> "DEAD".equals(status(id)));
        Thread.sleep(600); // longer than the backoff: a retry would have arrived
        assertThat(RECEIVER.received(path)).hasSize(1);
        assertThat(outcomes(id)).containsExactly("DEAD");
        assertThat(Db.text("select cast(delivered as text) || ' ' || last_status from platform_test.widget_delivery_outcome"
                + " where delivery_id = ?", id)).isEqualTo("false 400");
    }

    @Test
    void afterItsLastAttemptADeliveryIsDeadAndAReplaySendsItAgain() throws Throwable {
        String path = path();
        RECEIVER.answer(path, 500, 500);
        UUID id = run(() -> sender.enqueue("dead-" + path, null, OutboundMessage.json(url(path), "{}"), 2, false));
        await().atMost(WAIT).until(() -> "DEAD".equals(status(id)));
        assertThat(outcomes(id)).containsExactly("RETRY", "DEAD");

        assertThat(run(() -> sender.replay(id))).isTrue();
        await().atMost(WAIT).until(() -> "DELIVERED".equals(status(id)));
        assertThat(RECEIVER.received(path)).hasSize(3);
        assertThat(run(() -> sender.replay(id))).as("only a dead delivery is replayed").isFalse();
    }

    @Test
    void deliveriesSharingAnOrderingKeyArriveInOrderEvenWhenTheFirstIsRetried() throws Throwable {
        String path = path();
        String key = "incident-" + UUID.randomUUID();
        RECEIVER.answer(path, 503, 503);
        for (int i = 1; i <= 4; i++) {
            String body = "{\"n\":" + i + "}";
            run(() -> sender.enqueue("ordered-" + path, key, OutboundMessage.json(url(path), body), 5, false));
        }
        await().atMost(WAIT).until(() -> RECEIVER.received(path).size() >= 6);
        List<String> arrived = RECEIVER.received(path).stream().map(TestReceiver.Received::body).toList();
        assertThat(arrived).containsExactly("{\"n\":1}", "{\"n\":1}", "{\"n\":1}", "{\"n\":2}", "{\"n\":3}", "{\"n\":4}");
    }

    @Test
    void aReceiverThatKeepsFailingOpensItsCircuitWhichHoldsFurtherSendsWithoutSpendingTheirAttemptsAndOtherReceiversAreUnaffected()
            throws Throwable {
        String failing = path();
        String healthy = path();
        RECEIVER.answer(failing, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500);
        String reference = "circuit-" + failing;
        // 127.0.0.2 is the same receiver under another host name, so it has a circuit of its own.
        for (int i = 0; i < 4; i++) {
            run(() -> sender.enqueue(reference, null, OutboundMessage.json(RECEIVER.url("127.0.0.2", failing), "{}"), 1, false));
        }
        await().atMost(WAIT).until(() -> Db.count("select count(*) from platform_test.widget_delivery_outcome where reference = ?",
                reference) == 4);
        assertThat(RECEIVER.received(failing)).as("the first four are tried").hasSize(4);

        for (int i = 0; i < 6; i++) {
            run(() -> sender.enqueue(reference, null, OutboundMessage.json(RECEIVER.url("127.0.0.2", failing), "{}"), 1, false));
        }
        // Held back while the circuit is open: not called, not dead, their single attempt still theirs.
        await().atMost(WAIT).until(() -> Db.count("select count(*) from platform_test.outbound_delivery where reference = ?"
                + " and status = 'PENDING' and attempts = 0 and last_error like 'circuit open%' and next_attempt_at > now()", reference) == 6);
        assertThat(RECEIVER.received(failing)).as("after four failures the circuit refuses the rest without calling").hasSize(4);
        assertThat(Db.count("select count(*) from platform_test.widget_delivery_outcome where reference = ?", reference))
                .as("none of them ended").isEqualTo(4);

        UUID ok = run(() -> sender.enqueue("healthy-" + healthy, null, OutboundMessage.json(url(healthy), "{}"), 1, false));
        await().atMost(WAIT).until(() -> "DELIVERED".equals(status(ok)));
        // A server on another port of the very host whose circuit is open is not held back.
        UUID beside = run(() -> sender.enqueue("beside-" + healthy, null, OutboundMessage.json(NEIGHBOUR.url("127.0.0.2", healthy), "{}"), 1,
                false));
        await().atMost(WAIT).until(() -> "DELIVERED".equals(status(beside)));
    }

    @Test
    void aNamedCredentialIsSentAsAuthorizationAndNeverStored() throws Throwable {
        String path = path();
        UUID id = run(() -> sender.enqueue("sms-" + path, null, OutboundMessage.http("POST", url(path),
                Map.of("Content-Type", "application/x-www-form-urlencoded"), "To=%2B4915100000000&Body=P1", null, "gateway"), null, false));
        await().atMost(WAIT).until(() -> "DELIVERED".equals(status(id)));
        assertThat(RECEIVER.received(path).get(0).headers()).containsEntry("authorization", "Basic dGVzdDp0ZXN0LWxvY2FsLWRldi1vbmx5");
        assertThat(Db.count("select count(*) from platform_test.outbound_delivery where id = ? and cast(message as text) like '%dGVzdDp0%'", id))
                .isZero();
    }

    @Test
    void anUnknownCredentialIsARefusalNotARetry() throws Throwable {
        String path = path();
        UUID id = run(() -> sender.enqueue("nocred-" + path, null, OutboundMessage.http("POST", url(path), Map.of(), "x",
                null, "nobody-configured-this"), 5, false));
        await().atMost(WAIT).until(() -> "DEAD".equals(status(id)));
        assertThat(RECEIVER.received(path)).isEmpty();
        assertThat(Db.text("select last_error from platform_test.outbound_delivery where id = ?", id)).contains("nobody-configured-this");
    }

    @Test
    void mailIsHandedToTheSmtpServerAndArrivesInTheMailbox() throws Throwable {
        String to = "ic-" + UUID.randomUUID() + "@firebreak.test";
        UUID id = run(() -> sender.enqueue("mail-" + to, null, OutboundMessage.mail(to, "P1 INC-2026-0042: checkout down",
                "You are paged as incident commander.", null), null, false));
        await().atMost(WAIT).until(() -> "DELIVERED".equals(status(id)));
        assertThat(TestSmtp.messagesTo(to)).hasSize(1);
        assertThat(TestSmtp.messagesTo(to).get(0).getSubject()).isEqualTo("P1 INC-2026-0042: checkout down");
    }

    @Test
    void aMailCarriesItsAttachmentToTheMailbox() throws Throwable {
        String to = "exec-" + UUID.randomUUID() + "@firebreak.test";
        byte[] pdf = "%PDF-1.4 a report".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        UUID id = run(() -> sender.enqueue("mail-" + to, null, OutboundMessage.mail(to, "Incidents in 2026-11", "The report is attached.",
                "<p>The report is attached.</p>", List.of(OutboundMessage.Attachment.of("incidents-2026-11.pdf", "application/pdf", pdf))), null, false));
        await().atMost(WAIT).until(() -> "DELIVERED".equals(status(id)));
        jakarta.mail.internet.MimeMessage mail = TestSmtp.messagesTo(to).get(0);
        jakarta.mail.internet.MimeMultipart parts = (jakarta.mail.internet.MimeMultipart) mail.getContent();
        boolean found = false;
        for (int i = 0; i < parts.getCount(); i++) {
            jakarta.mail.BodyPart part = parts.getBodyPart(i);
            if ("incidents-2026-11.pdf".equals(part.getFileName())) {
                assertThat(part.getContentType()).startsWith("application/pdf");
                assertThat(part.getInputStream().readAllBytes()).isEqualTo(pdf);
                found = true;
            }
        }
        assertThat(found).as("the PDF is attached").isTrue();
    }

    @Test
    void cancellingByReferencePrefixStopsEveryPendingDeliveryOfThatPrefixAndNoOther() throws Throwable {
        String path = path();
        RECEIVER.answer(path, 503, 503, 503, 503, 503, 503, 503, 503, 503, 503);
        String incident = "incident-" + UUID.randomUUID() + "/";
        UUID a = run(() -> sender.enqueue(incident + "page-a", null, OutboundMessage.json(url(path), "{}"), 8, false));
        UUID b = run(() -> sender.enqueue(incident + "page-b", null, OutboundMessage.json(url(path), "{}"), 8, false));
        String other = "incident-" + UUID.randomUUID() + "/page-c";
        UUID c = run(() -> sender.enqueue(other, null, OutboundMessage.json(url(path + "-other"), "{}"), 1, false));
        await().atMost(WAIT).until(() -> "DELIVERED".equals(status(c)));
        assertThat(run(() -> sender.pendingWithPrefix(incident))).isEqualTo(2L);

        assertThat(run(() -> sender.cancelWithPrefix(incident))).isEqualTo(2);

        assertThat(status(a)).isEqualTo("CANCELLED");
        assertThat(status(b)).isEqualTo("CANCELLED");
        assertThat(run(() -> sender.pendingWithPrefix(incident))).isZero();
        assertThat(run(() -> sender.cancelWithPrefix("incident-"))).as("nothing else was pending").isZero();
    }

    @Test
    void cancellingPendingDeliveriesStopsTheirRetries() throws Throwable {
        String path = path();
        RECEIVER.answer(path, 503, 503, 503, 503, 503, 503);
        String reference = "cancel-" + path;
        UUID id = run(() -> sender.enqueue(reference, null, OutboundMessage.json(url(path), "{}"), 8, false));
        await().atMost(WAIT).until(() -> RECEIVER.received(path).size() >= 1);
        assertThat(run(() -> sender.cancel(reference))).isEqualTo(1);
        int seen = RECEIVER.received(path).size();
        Thread.sleep(1_000);
        assertThat(status(id)).isEqualTo("CANCELLED");
        assertThat(RECEIVER.received(path).size()).as("no attempt after the cancellation (one may have been in flight)")
                .isLessThanOrEqualTo(seen + 1);
    }

    @Test
    void aDeliveryCancelledWhileItsSendIsInFlightRecordsThatAttemptAndEndsDeliveredWhenTheReceiverTookIt() throws Throwable {
        String path = path();
        RECEIVER.hold(path);
        String reference = "in-flight-" + path;
        UUID id = run(() -> sender.enqueue(reference, null, OutboundMessage.json(url(path), "{}"), 5, false));
        await().atMost(WAIT).until(() -> RECEIVER.received(path).size() == 1);

        assertThat(run(() -> sender.cancel(reference))).as("cancelled while the receiver holds the send").isEqualTo(1);
        assertThat(status(id)).isEqualTo("CANCELLED");
        RECEIVER.release(path);

        await().atMost(WAIT).until(() -> "DELIVERED".equals(status(id)));
        assertThat(outcomes(id)).as("the attempt that left is recorded").containsExactly("DELIVERED");
        assertThat(Db.text("select cast(delivered as text) from platform_test.widget_delivery_outcome where delivery_id = ?", id))
                .as("the outcome handler heard that the message arrived").isEqualTo("true");
        assertThat(RECEIVER.received(path)).hasSize(1);
    }

    @Test
    void aDeliveryCancelledWhileItsSendIsInFlightAndFailsRecordsThatAttemptAndIsNeverRetried() throws Throwable {
        String path = path();
        RECEIVER.hold(path).answer(path, 503);
        String reference = "in-flight-failing-" + path;
        UUID id = run(() -> sender.enqueue(reference, null, OutboundMessage.json(url(path), "{}"), 5, false));
        await().atMost(WAIT).until(() -> RECEIVER.received(path).size() == 1);

        assertThat(run(() -> sender.cancel(reference))).isEqualTo(1);
        RECEIVER.release(path);

        await().atMost(WAIT).until(() -> outcomes(id).size() == 1);
        assertThat(outcomes(id)).containsExactly("CANCELLED");
        Thread.sleep(600); // longer than the first retry's backoff here: a retry would have arrived
        assertThat(status(id)).isEqualTo("CANCELLED");
        assertThat(RECEIVER.received(path)).as("no retry after the cancellation").hasSize(1);
        assertThat(Db.count("select count(*) from platform_test.widget_delivery_outcome where delivery_id = ?", id))
                .as("a cancelled delivery that did not arrive has no outcome to hand over").isZero();
    }
}
