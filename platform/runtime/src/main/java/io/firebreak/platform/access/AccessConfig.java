package io.firebreak.platform.access;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Where a service keeps the incidents it knows ({@code firebreak.access.*}), so an unknown and a hidden incident look alike. */
@ConfigMapping(prefix = "firebreak.access")
public interface AccessConfig {

    /** The service's table with one row per incident it knows (in its own schema); absent: every incident counts as known. */
    Optional<String> incidentTable();

    /** The uuid column of {@link #incidentTable()} holding the incident id. */
    @WithDefault("incident_id")
    String incidentColumn();
}
