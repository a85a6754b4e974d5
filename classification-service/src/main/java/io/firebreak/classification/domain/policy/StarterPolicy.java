package io.firebreak.classification.domain.policy;

import io.firebreak.classification.model.policy.PolicyRules;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The policy Firebreak ships as a starting point ({@code policies/starter.json}); owners adopt it by signing it off. */
@RegisterForReflection
public record StarterPolicy(String description, PolicyRules rules) {

    private static final String RESOURCE = "policies/starter.json";

    public static StarterPolicy load() {
        try (InputStream in = StarterPolicy.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            return new ObjectMapper().readValue(in, StarterPolicy.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
