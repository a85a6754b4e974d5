package io.firebreak.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A channel consumed a polled batch at a time ({@code batch=true}) runs one consumer per replica. With several
 * ({@code partitions > 1}) the connector merges their streams with a Mutiny merge that prefetches many batches from
 * each: a backlog after downtime held ~83,000 records in classification's 256 MB heap and ended in OutOfMemoryError
 * with the consumers wedged (2026-12-02, docs/performance.md). One consumer holds at most about three batches.
 */
class BatchChannelsTest {

    private static final Pattern BATCH = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.batch");
    private static final List<String> SERVICES = List.of("classification", "response", "comms", "change", "review", "metrics");

    @Test
    void everyBatchChannelRunsOneConsumerPerReplicaSoABacklogCannotFloodTheHeap() throws IOException {
        List<String> batchChannels = new ArrayList<>();
        for (String service : SERVICES) {
            Properties config = new Properties();
            try (Reader own = Files.newBufferedReader(root().resolve(service + "-service/src/main/resources/application.properties"))) {
                config.load(own);
            }
            for (String name : config.stringPropertyNames()) {
                Matcher m = BATCH.matcher(name);
                if (m.matches() && Boolean.parseBoolean(config.getProperty(name).trim())) {
                    String channel = m.group(1);
                    batchChannels.add(service + "/" + channel);
                    assertThat(config.getProperty("mp.messaging.incoming." + channel + ".partitions", "1").trim())
                            .as("%s: consumers of the batch channel %s per replica", service, channel).isEqualTo("1");
                }
            }
        }
        assertThat(batchChannels).as("the batch channels this rule covers").contains("classification/signals", "change/signals");
    }

    private static Path root() {
        return Path.of(System.getProperty("user.dir")).getParent();
    }
}
