package io.firebreak.classification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Set;

/** Typed settings of the classification service ({@code firebreak.classification.*}). */
@ConfigMapping(prefix = "firebreak.classification")
public interface ClassificationConfig {

    TemporaryP1 temporaryP1();

    Intake intake();

    /** Borderline cases treated as P1 until confirmed, downgraded or expired. */
    interface TemporaryP1 {

        /** How long a temporary P1 lasts unless confirmed or downgraded. */
        @WithDefault("PT30M")
        Duration window();

        /** The longest window a designation may ask for. */
        @WithDefault("PT4H")
        Duration maxWindow();

        /** Roles with pre-approved authority to designate, confirm and downgrade. */
        @WithDefault("incident-commander,service-owner")
        Set<String> authorisedRoles();
    }

    /** How long intake's raw material is kept. */
    Retention retention();

    interface Retention {

        /** Raw signals (with their payloads). */
        @WithDefault("P30D")
        Duration signals();

        /** Resolved alert groups that declared no incident. */
        @WithDefault("P90D")
        Duration resolvedGroups();
    }

    /** Signal processing: grouping accepted signals and declaring incidents from them. */
    Processing processing();

    /** Alert intake limits. */
    interface Intake {

        /**
         * Whether this replica serves the intake endpoints. Processing-only replicas (the {@code classification-processing}
         * Deployment) answer intake with 503 and Retry-After, so a sender that reaches one by mistake retries and loses
         * nothing; the gateway routes intake to the intake replicas.
         */
        @WithDefault("true")
        boolean enabled();

        /** Sustained events per second accepted per integration key; above it 429. */
        @WithDefault("500")
        int ratePerSecond();

        /** Events a key may send at once above the sustained rate. */
        @WithDefault("1000")
        int burst();

        /** Unknown integration keys a source address may present per second; beyond the burst, 429 without a lookup. */
        @WithDefault("1")
        int failedKeysPerSecond();

        @WithDefault("20")
        int failedKeysBurst();

        /**
         * An alert group that would declare an incident joins the service's incident auto-declared within
         * this window instead (as PagerDuty's alert grouping does), unless it is more severe.
         */
        @WithDefault("30m")
        Duration incidentGroupingWindow();

        /** Intake's own producer. */
        Publisher publisher();

        /** Admission control for intake as a whole, per replica. */
        Admission admission();
    }

    /**
     * Whether this replica consumes the signals topic. Intake-only replicas ({@code classification-intake}) leave it
     * to the processing replicas, so a storm's processing never takes the cores intake answers on. The switch
     * drives the signals channel ({@code mp.messaging.incoming.signals.enabled}); docs/architecture.md.
     */
    interface Processing {

        @WithDefault("true")
        boolean enabled();
    }

    /**
     * Intake's capacity per replica: above it, 429 with Retry-After before any work. Defaults from the intake
     * benchmark on a 2-core machine (docs/performance.md): 5,000/s held a 21 ms p99 with processing elsewhere.
     */
    interface Admission {

        /** Sustained requests per second admitted (all keys together). */
        @WithDefault("5000")
        int ratePerSecond();

        /** Requests admitted at once above the sustained rate. */
        @WithDefault("5000")
        int burst();

        /** Requests admitted but not yet answered at most; beyond, 429 at once. */
        @WithDefault("1000")
        int maxInFlight();
    }

    /** Bounds of intake's producer: while the broker is in trouble, requests get 503 instead of queueing. */
    interface Publisher {

        /** Brokers of the signals topic; the service's own by default. */
        @io.smallrye.config.WithDefault("${kafka.bootstrap.servers}")
        String bootstrapServers();

        /** Signals waiting for the broker's acknowledgement at most; beyond, 503 at once. */
        @WithDefault("5000")
        int maxPending();

        /** Longest wait for the acknowledgement before 503. */
        @WithDefault("3s")
        Duration timeout();

        /** What the 503 tells senders to wait. */
        @WithDefault("5s")
        Duration retryAfter();
    }
}
