package io.firebreak.platform.migration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * Migration scripts named in a {@code migrations.list} file beside them, instead of found by scanning the
 * class path: scanning does not work inside Quarkus' class loaders or a native image, while reading a
 * named resource works everywhere. {@code PlatformMigrationsTest} checks every list against its folder.
 */
final class ListedResources implements ResourceProvider {

    static final String LIST = "migrations.list";

    private final List<LoadableResource> resources = new ArrayList<>();

    ListedResources(ClassLoader loader, List<String> locations) {
        for (String location : locations) {
            for (String name : names(loader, location)) {
                resources.add(new Script(loader, location, name));
            }
        }
    }

    static List<String> names(ClassLoader loader, String location) {
        String list = location + "/" + LIST;
        try (InputStream in = loader.getResourceAsStream(list)) {
            if (in == null) {
                throw new IllegalStateException("no " + list + " on the class path");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public LoadableResource getResource(String name) {
        return resources.stream().filter(r -> r.getRelativePath().equals(name) || r.getFilename().equals(name))
                .findFirst().orElse(null);
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        return resources.stream()
                .filter(r -> r.getFilename().startsWith(prefix))
                .filter(r -> Arrays.stream(suffixes).anyMatch(s -> r.getFilename().endsWith(s)))
                .toList();
    }

    /** One script, read from the class path when Flyway needs its text. */
    private static final class Script extends LoadableResource {

        private final ClassLoader loader;
        private final String location;
        private final String name;

        Script(ClassLoader loader, String location, String name) {
            this.loader = loader;
            this.location = location;
            this.name = name;
        }

        @Override
        public Reader read() {
            InputStream in = loader.getResourceAsStream(getAbsolutePath());
            if (in == null) {
                throw new IllegalStateException(getAbsolutePath() + " is listed in " + LIST + " but not on the class path");
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }

        @Override
        public String getAbsolutePath() {
            return location + "/" + name;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return getAbsolutePath();
        }

        @Override
        public String getFilename() {
            return name;
        }

        @Override
        public String getRelativePath() {
            return name;
        }
    }
}
