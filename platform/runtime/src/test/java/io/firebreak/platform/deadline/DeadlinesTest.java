package io.firebreak.platform.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firebreak.platform.testapp.Db;
import io.firebreak.platform.testapp.WidgetDeadlines;
import io.firebreak.testing.FirebreakTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(FirebreakTestResource.class)
class DeadlinesTest {

    private final WidgetDeadlines.Scheduler scheduler;
    private final WidgetDeadlines.Hanging hanging;
    private final DeadlineFiring firing;
    private final Deadlines deadlines;

    DeadlinesTest(WidgetDeadlines.Scheduler scheduler, WidgetDeadlines.Hanging hanging, DeadlineFiring firing, Deadlines deadlines) {
        this.scheduler = scheduler;
        this.hanging = hanging;
        this.firing = firing;
        this.deadlines = deadlines;
    }

    private static <T> T await(Supplier<Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(work);
    }

    private static String subject() {
        return "widget-" + UUID.randomUUID();
    }

    private static long effects(String subject) {
        return Db.count("select count(*) from platform_test.widget_deadline_effect where subject = ?", subject);
    }

    private static String status(String subject) {
        return Db.text("select status from platform_test.deadline where subject = ? order by created_at desc limit 1", subject);
    }

    /** Deadlines of other tests may be due at far moments; these tests fire well past them only when they mean to. */
    private int fireAt(Instant at) throws Throwable {
        return await(() -> firing.fireDue(at));
    }

    @Test
    void aDeadlineFiresOnlyOnceItIsDueAndOnlyOnce() throws Throwable {
        String subject = subject();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        await(() -> scheduler.schedule(WidgetDeadlines.EXPIRY, subject, now.plus(Duration.ofMinutes(5)), Map.of(), false));

        fireAt(now.plus(Duration.ofMinutes(4)));
        assertThat(effects(subject)).as("not due yet").isZero();
        assertThat(status(subject)).isEqualTo("PENDING");

        fireAt(now.plus(Duration.ofMinutes(5)));
        assertThat(effects(subject)).isEqualTo(1);
        assertThat(status(subject)).isEqualTo("FIRED");

        fireAt(now.plus(Duration.ofMinutes(6)));
        assertThat(effects(subject)).as("a second run finds nothing to fire").isEqualTo(1);
    }

    @Test
    void aHandlerThatSchedulesItsOwnKindAndSubjectAgainLeavesTheNewDeadlinePending() throws Throwable {
        String subject = subject();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        await(() -> scheduler.schedule(WidgetDeadlines.RECURRING, subject, now.plus(Duration.ofMinutes(5)), Map.of(), false));

        fireAt(now.plus(Duration.ofMinutes(5)));
        assertThat(effects(subject)).isEqualTo(1);
        assertThat(await(() -> scheduler.pendingDueAt(WidgetDeadlines.RECURRING, subject)))
                .as("the handler's new deadline, not marked fired with the old one").isEqualTo(now.plus(Duration.ofMinutes(15)));

        fireAt(now.plus(Duration.ofMinutes(15)));
        assertThat(effects(subject)).as("and it fires in its turn").isEqualTo(2);
    }

    @Test
    void aDeadlineScheduledInARolledBackTransactionDoesNotExist() throws Throwable {
        String subject = subject();
        assertThatThrownBy(() -> await(() -> scheduler.schedule(WidgetDeadlines.EXPIRY, subject, Instant.now(), Map.of(), true)))
                .hasMessageContaining("rolled back on purpose");
        assertThat(Db.count("select count(*) from platform_test.deadline where subject = ?", subject)).isZero();
    }

    @Test
    void schedulingAgainMovesThePendingDeadlineInsteadOfAddingOne() throws Throwable {
        String subject = subject();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        await(() -> scheduler.schedule(WidgetDeadlines.EXPIRY, subject, now.plus(Duration.ofMinutes(10)), Map.of(), false));
        await(() -> scheduler.schedule(WidgetDeadlines.EXPIRY, subject, now.plus(Duration.ofMinutes(1)), Map.of("moved", true), false));

        assertThat(Db.count("select count(*) from platform_test.deadline where subject = ?", subject)).isEqualTo(1);
        assertThat(await(() -> scheduler.pendingDueAt(WidgetDeadlines.EXPIRY, subject))).isEqualTo(now.plus(Duration.ofMinutes(1)));
        assertThat(Db.text("select payload ->> 'moved' from platform_test.deadline where subject = ?", subject)).isEqualTo("true");
    }

    @Test
    void aBatchSchedulesEachDeadlineAsOneByOneWouldMovingAPendingOneAndKeepingTheLastOfASubject() throws Throwable {
        String moved = subject();
        String fresh = subject();
        String twice = subject();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        await(() -> scheduler.schedule(WidgetDeadlines.EXPIRY, moved, now.plus(Duration.ofMinutes(10)), Map.of(), false));

        await(() -> scheduler.scheduleAll(batch -> batch
                .add(WidgetDeadlines.EXPIRY, moved, now.plus(Duration.ofMinutes(2)), Map.of("moved", true))
                .add(WidgetDeadlines.EXPIRY, fresh, now.plus(Duration.ofMinutes(3)), null)
                .add(WidgetDeadlines.EXPIRY, twice, now.plus(Duration.ofMinutes(4)), Map.of("n", 1))
                .add(WidgetDeadlines.EXPIRY, twice, now.plus(Duration.ofMinutes(5)), Map.of("n", 2))));

        assertThat(Db.count("select count(*) from platform_test.deadline where subject = ?", moved)).as("moved, not added").isEqualTo(1);
        assertThat(await(() -> scheduler.pendingDueAt(WidgetDeadlines.EXPIRY, moved))).isEqualTo(now.plus(Duration.ofMinutes(2)));
        assertThat(Db.text("select payload ->> 'moved' from platform_test.deadline where subject = ?", moved)).isEqualTo("true");
        assertThat(await(() -> scheduler.pendingDueAt(WidgetDeadlines.EXPIRY, fresh))).isEqualTo(now.plus(Duration.ofMinutes(3)));
        assertThat(Db.text("select payload::text from platform_test.deadline where subject = ?", fresh)).isEqualTo("{}");
        assertThat(Db.count("select count(*) from platform_test.deadline where subject = ?", twice)).isEqualTo(1);
        assertThat(await(() -> scheduler.pendingDueAt(WidgetDeadlines.EXPIRY, twice))).isEqualTo(now.plus(Duration.ofMinutes(5)));
        assertThat(Db.text("select payload ->> 'n' from platform_test.deadline where subject = ?", twice)).isEqualTo("2");

        fireAt(now.plus(Duration.ofMinutes(3)));
        assertThat(effects(moved)).isEqualTo(1);
        assertThat(effects(fresh)).isEqualTo(1);
        assertThat(effects(twice)).as("due only at its last time").isZero();
    }

    @Test
    void aCancelledDeadlineNeverFires() throws Throwable {
        String subject = subject();
        String other = subject + ":level-2";
        Instant now = Instant.now();
        await(() -> scheduler.schedule(WidgetDeadlines.EXPIRY, subject + ":level-1", now, Map.of(), false));
        await(() -> scheduler.schedule(WidgetDeadlines.EXPIRY, other, now, Map.of(), false));

        assertThat(await(() -> scheduler.cancelAll(WidgetDeadlines.EXPIRY, subject + ":"))).isEqualTo(2);
        assertThat(await(() -> scheduler.cancel(WidgetDeadlines.EXPIRY, other))).as("nothing left pending").isFalse();
        fireAt(now.plus(Duration.ofHours(1)));

        assertThat(effects(subject + ":level-1") + effects(other)).isZero();
        assertThat(status(other)).isEqualTo("CANCELLED");
    }

    @Test
    void cancellingBySubjectPrefixReadsOnlyThatPrefixsRowsAmongThousandsPendingEvenInAGenericPlan() throws Exception {
        String run = "plan-" + UUID.randomUUID() + "-";
        // 3,000 pending deadlines of one kind, far in the future (no other test fires them), 3 per subject prefix.
        Db.update("insert into platform_test.deadline (id, kind, subject, due_at, payload) select gen_random_uuid(), ?,"
                + " ? || (g / 3) || '/' || (g % 3), timestamptz '2100-01-01', '{}' from generate_series(1, 3000) g", WidgetDeadlines.EXPIRY, run);
        try (java.sql.Connection c = io.firebreak.testing.TestPostgres.connect(); java.sql.Statement st = c.createStatement()) {
            st.execute("analyze platform_test.deadline");
            st.execute("set plan_cache_mode = force_generic_plan");
            // The statement cancelAll runs, prepared with parameters as the reactive client sends it.
            String sql = deadlines.cancelPrefixSql().replace(":kind", "$1")
                    .replace(":prefix", "$2").replace(":above", "$3");
            st.execute("prepare cancel_prefix (text, text, text) as " + sql);
            StringBuilder plan = new StringBuilder();
            try (java.sql.ResultSet r = st.executeQuery("explain (analyze, costs off, timing off, summary off) execute cancel_prefix('"
                    + WidgetDeadlines.EXPIRY + "', '" + run + "500/', '" + Deadlines.above(run + "500/") + "')")) {
                while (r.next()) {
                    plan.append(r.getString(1)).append('\n');
                }
            }
            st.execute("deallocate cancel_prefix");
            assertThat(plan.toString()).as(plan.toString()).contains("deadline_pending_prefix").containsPattern("Index Cond: .*subject");
            // Read three rows to cancel three, not the kind's thousands.
            assertThat(plan.toString()).as(plan.toString()).doesNotContainPattern("Rows Removed by (Index Recheck|Filter): [0-9]{2,}");
        } finally {
            Db.update("delete from platform_test.deadline where starts_with(subject, ?)", run);
        }
        assertThat(Db.count("select count(*) from platform_test.deadline where starts_with(subject, ?)", run)).isZero();
    }

    @Test
    void aPrefixCancelsExactlyTheSubjectsThatStartWithIt() throws Throwable {
        String base = subject();
        Instant far = Instant.parse("2100-01-01T00:00:00Z");
        for (String s : List.of(base + "/", base + "/1", base + "/1/2", base + "0", base, base + ".")) {
            await(() -> scheduler.schedule(WidgetDeadlines.EXPIRY, s, far, Map.of(), false));
        }
        assertThat(await(() -> scheduler.cancelAll(WidgetDeadlines.EXPIRY, base + "/"))).as("the three under %s/", base).isEqualTo(3);
        for (String s : List.of(base + "0", base, base + ".")) {
            assertThat(status(s)).as(s).isEqualTo("PENDING");
            await(() -> scheduler.cancel(WidgetDeadlines.EXPIRY, s));
        }
    }

    @Test
    void aFailedFiringRollsItsEffectBackAndIsRetriedAfterTheBackoff() throws Throwable {
        String subject = subject();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        await(() -> scheduler.schedule(WidgetDeadlines.FLAKY, subject, now, Map.of("failTimes", 2), false));

        fireAt(now);
        assertThat(effects(subject)).as("the failed firing's effect is rolled back").isZero();
        assertThat(Db.count("select attempts from platform_test.deadline where subject = ?", subject)).isEqualTo(1);

        fireAt(now.plusMillis(500));
        assertThat(Db.count("select attempts from platform_test.deadline where subject = ?", subject))
                .as("not retried before the 1 s backoff").isEqualTo(1);

        fireAt(now.plusSeconds(1));
        assertThat(Db.count("select attempts from platform_test.deadline where subject = ?", subject)).isEqualTo(2);
        fireAt(now.plusSeconds(3));

        assertThat(status(subject)).isEqualTo("FIRED");
        assertThat(effects(subject)).as("exactly the successful firing's effect").isEqualTo(1);
        assertThat(Db.count("select attempt from platform_test.widget_deadline_effect where subject = ?", subject)).isEqualTo(3);
    }

    @Test
    void aDeadlineThatKeepsFailingIsGivenUpAfterItsLastAttempt() throws Throwable {
        String subject = subject();
        Instant now = Instant.now();
        await(() -> scheduler.schedule(WidgetDeadlines.FLAKY, subject, now, Map.of("failTimes", 99), false));
        Instant at = now;
        for (int i = 0; i < 12; i++) {
            fireAt(at);
            at = at.plus(Duration.ofMinutes(6)); // past the longest backoff
        }
        assertThat(status(subject)).isEqualTo("FAILED");
        assertThat(Db.count("select attempts from platform_test.deadline where subject = ?", subject)).isEqualTo(10);
        assertThat(Db.text("select last_error from platform_test.deadline where subject = ?", subject)).contains("flaky failure 10");
        assertThat(effects(subject)).isZero();
    }

    @Test
    void firingsRacingFromFourWorkersFireEveryDeadlineExactlyOnce() throws Throwable {
        String prefix = subject();
        Instant now = Instant.now();
        for (int i = 0; i < 40; i++) {
            String s = prefix + ":" + i;
            await(() -> scheduler.schedule(WidgetDeadlines.EXPIRY, s, now, Map.of(), false));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CompletableFuture<Void> start = new CompletableFuture<>();
            List<Future<Integer>> runs = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                runs.add(pool.submit(() -> {
                    start.join();
                    int total = 0;
                    for (int round = 0; round < 3; round++) {
                        try {
                            total += fireAt(now.plusSeconds(1));
                        } catch (Throwable e) {
                            throw new IllegalStateException(e);
                        }
                    }
                    return total;
                }));
            }
            start.complete(null);
            int fired = 0;
            for (Future<Integer> run : runs) {
                fired += run.get(60, TimeUnit.SECONDS);
            }
            long mine = Db.count("select count(*) from platform_test.widget_deadline_effect where starts_with(subject, ?)", prefix + ":");
            assertThat(mine).isEqualTo(40);
            assertThat(Db.count("select count(*) from (select subject from platform_test.widget_deadline_effect"
                    + " where starts_with(subject, ?) group by subject having count(*) > 1) twice", prefix + ":")).isZero();
            assertThat(fired).as("the runs together fired each once (other tests' due deadlines may add to it)")
                    .isGreaterThanOrEqualTo(40);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFiringKilledMidwayLeavesTheDeadlinePendingAndItFiresLater() throws Throwable {
        String subject = subject();
        Instant now = Instant.now();
        await(() -> scheduler.schedule(WidgetDeadlines.HANGING, subject, now, Map.of(), false));
        CompletableFuture<Void> release = new CompletableFuture<>();
        CompletableFuture<Void> entered = hanging.hold(release);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> run = pool.submit(() -> {
                try {
                    return fireAt(now);
                } catch (Throwable e) {
                    throw new IllegalStateException(e);
                }
            });
            entered.get(20, TimeUnit.SECONDS);
            // The firing transaction holds the row lock and has written its effect: kill its connection.
            long killed = Db.count("select count(*) from (select pg_terminate_backend(pid) from pg_stat_activity"
                    + " where state like 'idle in transaction%' and query like '%widget_deadline_effect%') k");
            assertThat(killed).isEqualTo(1);
            release.complete(null);
            run.get(30, TimeUnit.SECONDS); // the run survives the loss of its connection
        } finally {
            release.complete(null);
            pool.shutdownNow();
        }
        assertThat(effects(subject)).as("the killed firing's effect never committed").isZero();
        assertThat(status(subject)).isEqualTo("PENDING");

        fireAt(now.plus(Duration.ofMinutes(6)));
        assertThat(status(subject)).isEqualTo("FIRED");
        assertThat(effects(subject)).isEqualTo(1);
    }
}
