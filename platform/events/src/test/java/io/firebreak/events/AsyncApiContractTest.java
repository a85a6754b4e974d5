package io.firebreak.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The AsyncAPI document and the code describe the same contract (the local stack creates topics from the document). */
class AsyncApiContractTest {

    private static final Path ASYNCAPI = Path.of("../../docs/events/asyncapi.yaml");

    @Test
    void everyTopicConstantIsAChannelOfTheAsyncApiDocument() throws Exception {
        Set<String> addresses = Files.readAllLines(ASYNCAPI).stream()
                .map(String::strip)
                .filter(l -> l.startsWith("address: "))
                .map(l -> l.substring("address: ".length()))
                .collect(Collectors.toSet());
        assertThat(addresses).containsAll(List.of(Topics.CLASSIFICATION, Topics.RESPONSE, Topics.COMMS, Topics.CHANGE,
                Topics.REVIEW, Topics.METRICS, Topics.SIGNALS));
        assertThat(addresses).filteredOn(a -> !a.endsWith(Topics.DLQ_SUFFIX)).hasSize(7);
    }

    @Test
    void everyEventTypeIsAMessageOfTheAsyncApiDocument() throws Exception {
        String document = Files.readString(ASYNCAPI);
        for (java.lang.reflect.Field field : EventTypes.class.getFields()) {
            assertThat(document).as("AsyncAPI message for %s", field.getName()).contains("name: " + field.get(null));
        }
    }
}
