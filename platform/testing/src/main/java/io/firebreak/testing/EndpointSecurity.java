package io.firebreak.testing;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HttpMethod;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds every JAX-RS resource method under some packages and reports those without an explicit
 * security decision ({@code @RolesAllowed}, {@code @Authenticated}, {@code @PermitAll} or
 * {@code @DenyAll}) on the method or its class.
 */
public final class EndpointSecurity {

    private static final List<Class<? extends Annotation>> DECISIONS =
            List.of(RolesAllowed.class, Authenticated.class, PermitAll.class, DenyAll.class);

    private EndpointSecurity() {
    }

    /** Every HTTP endpoint method of the compiled (non-test) classes under the packages. */
    public static List<Method> endpoints(String... packages) {
        List<Method> endpoints = new ArrayList<>();
        for (String pkg : packages) {
            for (Class<?> type : classesIn(pkg)) {
                for (Method method : type.getDeclaredMethods()) {
                    if (isEndpoint(method)) {
                        endpoints.add(method);
                    }
                }
            }
        }
        return endpoints;
    }

    /** The endpoints among those found that declare no security decision, as {@code Class#method}. */
    public static List<String> undecided(List<Method> endpoints) {
        return endpoints.stream()
                .filter(m -> !decides(m) && !decides(m.getDeclaringClass()))
                .map(m -> m.getDeclaringClass().getName() + "#" + m.getName())
                .sorted()
                .toList();
    }

    private static boolean isEndpoint(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            if (annotation.annotationType().isAnnotationPresent(HttpMethod.class)) {
                return true;
            }
        }
        return false;
    }

    private static boolean decides(AnnotatedElement element) {
        return DECISIONS.stream().anyMatch(element::isAnnotationPresent);
    }

    private static List<Class<?>> classesIn(String pkg) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        String path = pkg.replace('.', '/');
        List<Class<?>> classes = new ArrayList<>();
        try {
            for (URL root : Collections.list(loader.getResources(path))) {
                if ("file".equals(root.getProtocol())) {
                    addFromDirectory(Path.of(root.toURI()), pkg, loader, classes);
                } else if ("jar".equals(root.getProtocol())) {
                    addFromJar(root, path, loader, classes);
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot scan " + pkg, e);
        }
        return classes;
    }

    private static void addFromDirectory(Path dir, String pkg, ClassLoader loader, List<Class<?>> classes) throws IOException {
        if (dir.toString().contains("test-classes")) {
            return; // test fixtures are not endpoints of the service
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(f -> f.toString().endsWith(".class")).forEach(f -> {
                String relative = dir.relativize(f).toString().replace('/', '.').replace(".class", "");
                load(pkg + "." + relative, loader, classes);
            });
        }
    }

    private static void addFromJar(URL root, String path, ClassLoader loader, List<Class<?>> classes) throws IOException {
        java.net.JarURLConnection connection = (java.net.JarURLConnection) root.openConnection();
        try (java.util.jar.JarFile jar = connection.getJarFile()) {
            Collections.list(jar.entries()).stream()
                    .map(java.util.jar.JarEntry::getName)
                    .filter(n -> n.startsWith(path + "/") && n.endsWith(".class"))
                    .forEach(n -> load(n.replace('/', '.').replace(".class", ""), loader, classes));
        }
    }

    private static void load(String name, ClassLoader loader, List<Class<?>> classes) {
        try {
            classes.add(Class.forName(name, false, loader));
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("cannot load " + name, e);
        }
    }
}
