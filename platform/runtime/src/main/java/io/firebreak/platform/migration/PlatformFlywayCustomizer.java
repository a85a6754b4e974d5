package io.firebreak.platform.migration;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Singleton;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Runs the platform's migrations just before Quarkus migrates the service's own scripts: Quarkus
 * builds the service's Flyway (calling this) right before {@code migrate-at-start}, when no connection
 * of the JDBC pool is in use, so the platform's Flyway can borrow them.
 */
@Singleton
public class PlatformFlywayCustomizer implements FlywayConfigurationCustomizer {

    @Override
    public void customize(FluentConfiguration configuration) {
        String[] schemas = configuration.getSchemas();
        if (schemas.length != 1) {
            throw new IllegalStateException("a Firebreak service migrates exactly one schema (quarkus.flyway.schemas), found "
                    + schemas.length);
        }
        PlatformMigrations.migrate(configuration.getDataSource(), schemas[0], configuration.getTable());
    }
}
