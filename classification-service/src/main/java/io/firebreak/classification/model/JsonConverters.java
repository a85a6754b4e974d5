package io.firebreak.classification.model;

import com.fasterxml.jackson.core.type.TypeReference;
import io.firebreak.classification.model.catalog.SlaTarget;
import io.firebreak.classification.model.policy.Evaluation;
import io.firebreak.classification.model.policy.ImpactFacts;
import io.firebreak.classification.model.policy.PolicyRules;
import io.firebreak.events.Priority;
import io.firebreak.platform.persistence.JsonColumn;
import jakarta.persistence.Converter;
import java.util.List;
import java.util.Map;

/** The JSON columns of the classification schema: one converter per stored type. */
public final class JsonConverters {

    private JsonConverters() {
    }

    @Converter
    public static class Strings extends JsonColumn.Converter<List<String>> {
        public Strings() {
            super(new TypeReference<>() { });
        }
    }

    @Converter
    public static class Facts extends JsonColumn.Converter<ImpactFacts> {
        public Facts() {
            super(new TypeReference<>() { });
        }
    }

    @Converter
    public static class Rules extends JsonColumn.Converter<PolicyRules> {
        public Rules() {
            super(new TypeReference<>() { });
        }
    }

    @Converter
    public static class Explanation extends JsonColumn.Converter<Evaluation> {
        public Explanation() {
            super(new TypeReference<>() { });
        }
    }

    @Converter
    public static class Sla extends JsonColumn.Converter<Map<Priority, SlaTarget>> {
        public Sla() {
            super(new TypeReference<>() { });
        }
    }
}
