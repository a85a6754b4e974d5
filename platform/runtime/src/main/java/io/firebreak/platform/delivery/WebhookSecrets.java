package io.firebreak.platform.delivery;

import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * Resolves a signed delivery's {@code signingRef} to its Standard Webhooks secrets ({@code whsec_…}),
 * at each attempt: a service keeps its endpoints' secrets; during a rotation it answers the new and the
 * old one, and the request carries both signatures. An empty answer fails the attempt for good.
 */
public interface WebhookSecrets {

    Uni<List<String>> secrets(String signingRef);
}
