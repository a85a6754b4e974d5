package io.firebreak.platform.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firebreak.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** The platform's scripts keep their own history, so they can evolve whatever version a service reached. */
class PlatformMigrationsTest {

    private static final String SERVICE_HISTORY = "flyway_schema_history";
    private static PGSimpleDataSource dataSource;

    @BeforeAll
    static void database() {
        TestPostgres.start();
        dataSource = new PGSimpleDataSource();
        dataSource.setUrl(TestPostgres.jdbcUrl());
        dataSource.setUser(TestPostgres.USER);
        dataSource.setPassword(TestPostgres.PASSWORD);
    }

    @Test
    void aNewPlatformMigrationAppliesToADatabaseAlreadyAtTheServiceLatestVersion() {
        String schema = freshSchema();
        PlatformMigrations.migrate(dataSource, schema, SERVICE_HISTORY);
        assertThat(service(schema).migrate().targetSchemaVersion).isEqualTo("13");

        // A platform release adds V12.9 (below the service's V13), while the service is at V13.
        var result = PlatformMigrations.migrate(dataSource, schema, SERVICE_HISTORY, List.of("db/platform", "testdb/platform-next"));

        assertThat(result.migrationsExecuted).isEqualTo(1);
        assertThat(tableExists(schema, "platform_next_probe")).isTrue();
        assertThat(service(schema).migrate().migrationsExecuted).isZero(); // the service's history still validates
        assertThat(service(schema).info().current().getVersion().getVersion()).isEqualTo("13");
    }

    @Test
    void withOneSharedHistoryThatSamePlatformMigrationWasRefused() {
        // Why the platform has its own history: the earlier layout, one history for both, refuses it.
        String schema = freshSchema();
        shared(schema, "classpath:testdb/legacy-platform", "classpath:testdb/service").migrate();

        Flyway withNewPlatformScript = shared(schema, "classpath:testdb/legacy-platform", "classpath:testdb/service",
                "classpath:testdb/platform-next");

        assertThatThrownBy(withNewPlatformScript::migrate).isInstanceOf(FlywayException.class)
                .hasMessageContaining("not applied").hasMessageContaining("12.9");
    }

    @Test
    void aDatabaseCreatedWithTheSharedHistoryIsAdoptedAndThenEvolves() {
        String schema = freshSchema();
        // Before 0.2: platform V1 and the service's scripts in one history, the service's.
        shared(schema, "classpath:testdb/legacy-platform", "classpath:testdb/service").migrate();
        assertThat(historyHas(schema, SERVICE_HISTORY, PlatformMigrations.LEGACY_SCRIPT)).isTrue();

        var result = PlatformMigrations.migrate(dataSource, schema, SERVICE_HISTORY);

        assertThat(result.migrationsExecuted).as("every platform script after V1, after a baseline at V1")
                .isEqualTo(platformScripts() - 1);
        assertThat(columnExists(schema, "outbox_event", "lease_owner")).isTrue();
        assertThat(historyHas(schema, SERVICE_HISTORY, PlatformMigrations.LEGACY_SCRIPT)).isFalse();
        assertThat(service(schema).migrate().migrationsExecuted).isZero();
        assertThat(PlatformMigrations.migrate(dataSource, schema, SERVICE_HISTORY).migrationsExecuted).isZero();
    }

    private static int platformScripts() {
        try (var in = PlatformMigrationsTest.class.getResourceAsStream("/db/platform/migrations.list")) {
            return (int) new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(line -> line.matches("V\\d+__.*\\.sql")).count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void everyPlatformScriptIsListedAndEveryListedScriptExists() throws IOException {
        // The list is what Quarkus and native images can read; a script missing from it would never run. In version
        // order, not by name (V10 after V9).
        Path folder = Path.of("src/main/resources", PlatformMigrations.LOCATION);
        List<String> onDisk;
        try (Stream<Path> files = Files.list(folder)) {
            onDisk = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql"))
                    .sorted(java.util.Comparator.comparingInt((String n) -> Integer.parseInt(n.substring(1, n.indexOf("__"))))).toList();
        }

        assertThat(ListedResources.names(getClass().getClassLoader(), PlatformMigrations.LOCATION)).containsExactlyElementsOf(onDisk);
    }

    private Flyway service(String schema) {
        // As Quarkus configures it from the platform defaults.
        return Flyway.configure().dataSource(dataSource).schemas(schema).defaultSchema(schema).table(SERVICE_HISTORY)
                .baselineOnMigrate(true).baselineVersion("0").locations("classpath:testdb/service").load();
    }

    private Flyway shared(String schema, String... locations) {
        return Flyway.configure().dataSource(dataSource).schemas(schema).defaultSchema(schema).table(SERVICE_HISTORY)
                .locations(locations).load();
    }

    private static String freshSchema() {
        return "mig_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static boolean tableExists(String schema, String table) {
        return io.firebreak.platform.testapp.Db.count(
                "select count(*) from information_schema.tables where table_schema = ? and table_name = ?", schema, table) == 1;
    }

    private static boolean columnExists(String schema, String table, String column) {
        return io.firebreak.platform.testapp.Db.count("select count(*) from information_schema.columns"
                + " where table_schema = ? and table_name = ? and column_name = ?", schema, table, column) == 1;
    }

    private static boolean historyHas(String schema, String table, String script) {
        return io.firebreak.platform.testapp.Db.count("select count(*) from " + schema + "." + table + " where script = ?", script) == 1;
    }
}
