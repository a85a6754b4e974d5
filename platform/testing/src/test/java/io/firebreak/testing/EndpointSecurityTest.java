package io.firebreak.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.testing.classfixture.DecidedGreetingResource;
import io.firebreak.testing.classfixture.UndecidedGreetingResource;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EndpointSecurityTest {

    private static final String FIXTURES = "io.firebreak.testing.classfixture";

    @Test
    void scanningAJarKeepsPackageNamesThatContainDotClass(@TempDir Path dir) throws Exception {
        // "io.firebreak.testing.classfixture" contains ".class": stripping every ".class" mangled it.
        try (URLClassLoader loader = jarOfFixtures(dir)) {
            EndpointSecurity.Scan scan = EndpointSecurity.scan(FIXTURES, loader);

            assertThat(scan.classes()).extracting(Class::getName)
                    .contains(UndecidedGreetingResource.class.getName(), DecidedGreetingResource.class.getName());
        }
    }

    @Test
    void endpointsDeclaredOnAnInterfaceAreFoundAndJudgedOnTheImplementation(@TempDir Path dir) throws Exception {
        try (URLClassLoader loader = jarOfFixtures(dir)) {
            EndpointSecurity.Scan scan = EndpointSecurity.scan(FIXTURES, loader);

            assertThat(scan.endpoints()).extracting(EndpointSecurity.Endpoint::toString)
                    .containsExactlyInAnyOrder(UndecidedGreetingResource.class.getName() + "#hello",
                            DecidedGreetingResource.class.getName() + "#hello");
            assertThat(scan.undecided()).containsExactly(UndecidedGreetingResource.class.getName() + "#hello");
            assertThat(scan.resources()).extracting(Class::getSimpleName)
                    .containsExactlyInAnyOrder("UndecidedGreetingResource", "DecidedGreetingResource");
        }
    }

    @Test
    void onlyTheTrailingClassSuffixIsRemoved() {
        assertThat(EndpointSecurity.withoutClassSuffix("io.firebreak.classification.api.X.class"))
                .isEqualTo("io.firebreak.classification.api.X");
    }

    /** The compiled fixtures packed into a jar, visible to a class loader as a jar URL (like a packaged service). */
    private static URLClassLoader jarOfFixtures(Path dir) throws IOException {
        Path classes = Path.of(UndecidedGreetingResource.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        Path fixtures = classes.resolve(FIXTURES.replace('.', '/'));
        Path jar = dir.resolve("fixtures.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.list(fixtures)) {
            // Directory entries, as Maven writes them: class loaders find a package's folder through them.
            String folder = "";
            for (String part : FIXTURES.split("\\.")) {
                folder += part + "/";
                out.putNextEntry(new JarEntry(folder));
                out.closeEntry();
            }
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
        return new URLClassLoader(new URL[] {jar.toUri().toURL()}, EndpointSecurityTest.class.getClassLoader());
    }
}
