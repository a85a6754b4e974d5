package io.firebreak.classification.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import io.firebreak.classification.domain.catalog.SlaTarget;
import io.firebreak.classification.domain.policy.Evaluation;
import io.firebreak.classification.domain.policy.ImpactFacts;
import io.firebreak.classification.domain.policy.PolicyRules;
import io.firebreak.events.Priority;
import jakarta.persistence.Converter;
import java.util.List;
import java.util.Map;

/** The JSON columns of the classification schema. */
public final class JsonConverters {

    private JsonConverters() {
    }

    @Converter
    public static class Strings extends Json.Converter<List<String>> {
        public Strings() {
            super(new TypeReference<>() { });
        }
    }

    @Converter
    public static class Facts extends Json.Converter<ImpactFacts> {
        public Facts() {
            super(new TypeReference<>() { });
        }
    }

    @Converter
    public static class Rules extends Json.Converter<PolicyRules> {
        public Rules() {
            super(new TypeReference<>() { });
        }
    }

    @Converter
    public static class Explanation extends Json.Converter<Evaluation> {
        public Explanation() {
            super(new TypeReference<>() { });
        }
    }

    @Converter
    public static class Sla extends Json.Converter<Map<Priority, SlaTarget>> {
        public Sla() {
            super(new TypeReference<>() { });
        }
    }
}
