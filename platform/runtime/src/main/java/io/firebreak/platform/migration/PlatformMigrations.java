package io.firebreak.platform.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import io.firebreak.platform.sql.SqlIdentifiers;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jboss.logging.Logger;

/**
 * The platform's tables (outbox, inbox, audit log) evolve on their own Flyway history,
 * {@value #HISTORY_TABLE}, in each service's schema. A service's scripts ({@code db/migration}) keep
 * the service's history. So the platform can add V2, V3 … whatever version a service has reached;
 * with one shared history a platform script numbered below the service's latest was refused at start.
 *
 * <p>Rule: platform scripts never read or write service tables, and service scripts never touch
 * platform tables; each history then applies in any order relative to the other.
 */
public final class PlatformMigrations {

    public static final String HISTORY_TABLE = "firebreak_platform_history";
    public static final String LOCATION = "db/platform";
    /** The platform script that lived in the service histories before the platform had its own. */
    static final String LEGACY_SCRIPT = "V1__outbox_inbox.sql";

    private static final Logger LOG = Logger.getLogger(PlatformMigrations.class);

    private PlatformMigrations() {
    }

    /** Applies the platform's scripts to {@code schema}. */
    public static MigrateResult migrate(DataSource dataSource, String schema, String serviceHistoryTable) {
        return migrate(dataSource, schema, serviceHistoryTable, List.of(LOCATION));
    }

    /** As {@link #migrate(DataSource, String, String)}, from the given class-path folders (tests add one). */
    public static MigrateResult migrate(DataSource dataSource, String schema, String serviceHistoryTable, List<String> locations) {
        adoptLegacyLayout(configure(dataSource, schema, locations).baselineVersion("1")
                .baselineDescription("platform tables created by a service history (before 0.2)").load(),
                dataSource, schema, serviceHistoryTable);
        // The service's own objects do not make the schema "taken": the platform history starts below V1.
        MigrateResult result = configure(dataSource, schema, locations).baselineOnMigrate(true).baselineVersion("0")
                .baselineDescription("schema held only service objects").load().migrate();
        if (result.migrationsExecuted > 0) {
            LOG.infof("Applied %d platform migration(s) to schema %s, now at %s", result.migrationsExecuted, schema, result.targetSchemaVersion);
        }
        return result;
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration configure(DataSource dataSource, String schema,
                                                                                     List<String> locations) {
        ClassLoader loader = PlatformMigrations.class.getClassLoader();
        return Flyway.configure(loader)
                .dataSource(dataSource)
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(true)
                .table(HISTORY_TABLE)
                .locations(locations.stream().map(l -> "classpath:" + l).toArray(String[]::new))
                .resourceProvider(new ListedResources(loader, locations))
                .javaMigrationClassProvider(List::of);
    }

    /**
     * Databases created before the platform had its own history hold platform V1 in the service's
     * history. Baseline the platform history at 1 and drop that row, so neither history applies or
     * misses a script it should not. Runs once: afterwards the platform history exists.
     */
    private static void adoptLegacyLayout(Flyway flyway, DataSource dataSource, String schema, String serviceHistoryTable) {
        try (Connection c = dataSource.getConnection()) {
            if (tableExists(c, schema, HISTORY_TABLE) || !tableExists(c, schema, "outbox_event")) {
                return;
            }
            LOG.infof("Schema %s has platform tables but no platform history: baselining it at version 1", schema);
            flyway.baseline();
            if (tableExists(c, schema, serviceHistoryTable)) {
                try (PreparedStatement delete = c.prepareStatement("delete from " + SqlIdentifiers.schema(schema) + "." + SqlIdentifiers.schema(serviceHistoryTable)
                        + " where script = ?")) {
                    delete.setString(1, LEGACY_SCRIPT);
                    delete.executeUpdate();
                }
                if (!c.getAutoCommit()) {
                    c.commit();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot inspect schema " + schema + " before the platform migrations", e);
        }
    }

    private static boolean tableExists(Connection c, String schema, String table) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "select 1 from information_schema.tables where table_schema = ? and table_name = ?")) {
            s.setString(1, schema);
            s.setString(2, table);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

}
