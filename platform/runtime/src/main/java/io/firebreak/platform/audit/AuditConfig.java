package io.firebreak.platform.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

/**
 * The audit log's MAC keys ({@code firebreak.audit.*}). Production takes the active key from the
 * environment ({@code FIREBREAK_AUDIT_KEY}, base64 of at least 32 random bytes) and refuses to start
 * without one; keep it outside the database, or whoever can write the tables can forge the chain.
 */
@ConfigMapping(prefix = "firebreak.audit")
public interface AuditConfig {

    /** Schema of the audit tables; the service's own. */
    String schema();

    /** Id of the active key, stored with every record it signs. Change it when you rotate the key. */
    @WithDefault("k1")
    String keyId();

    /** The active key, base64. */
    String key();

    /** Earlier keys by id, base64, kept to verify the records they signed. */
    Map<String, String> retiredKeys();
}
