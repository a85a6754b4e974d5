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
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds every JAX-RS resource method of the compiled classes under some packages — declared on the
 * class itself or inherited from an interface or superclass — and reports those without an explicit
 * security decision ({@code @RolesAllowed}, {@code @Authenticated}, {@code @PermitAll} or
 * {@code @DenyAll}) on the implementing method or class, where Quarkus reads it.
 */
public final class EndpointSecurity {

    private static final List<Class<? extends Annotation>> DECISIONS =
            List.of(RolesAllowed.class, Authenticated.class, PermitAll.class, DenyAll.class);

    private EndpointSecurity() {
    }

    /** What a scan of one package found: every class, the resource classes among them, and their endpoints. */
    public record Scan(List<Class<?>> classes, List<Class<?>> resources, List<Endpoint> endpoints) {

        /** The endpoints that declare no security decision, as {@code Class#method}. */
        public List<String> undecided() {
            return endpoints.stream().filter(e -> !e.decided()).map(Endpoint::toString).sorted().toList();
        }
    }

    /** A resource method of a concrete class, and whether it (or its class) decides who may call it. */
    public record Endpoint(Class<?> resource, Method method, boolean decided) {
        @Override
        public String toString() {
            return resource.getName() + "#" + method.getName();
        }
    }

    /** Scans the compiled (non-test) classes under {@code pkg} with the context class loader. */
    public static Scan scan(String pkg) {
        return scan(pkg, Thread.currentThread().getContextClassLoader());
    }

    public static Scan scan(String pkg, ClassLoader loader) {
        List<Class<?>> classes = classesIn(pkg, loader);
        List<Class<?>> resources = new ArrayList<>();
        List<Endpoint> endpoints = new ArrayList<>();
        for (Class<?> type : classes) {
            if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
                continue;
            }
            List<Endpoint> found = endpointsOf(type);
            if (!found.isEmpty() || isAnnotatedAnywhere(type, jakarta.ws.rs.Path.class)) {
                resources.add(type);
            }
            endpoints.addAll(found);
        }
        return new Scan(classes, resources, endpoints);
    }

    private static List<Endpoint> endpointsOf(Class<?> type) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Method method : type.getMethods()) {
            if (method.isBridge() || method.isSynthetic() || method.getDeclaringClass() == Object.class) {
                continue;
            }
            if (declaresHttpMethod(type, method)) {
                Method implementation = method;
                boolean decided = decides(implementation) || decides(type);
                endpoints.add(new Endpoint(type, implementation, decided));
            }
        }
        return endpoints;
    }

    /** Whether the method, or the method it implements in any supertype or interface, carries an HTTP method. */
    private static boolean declaresHttpMethod(Class<?> type, Method method) {
        for (Class<?> t : hierarchy(type)) {
            try {
                Method m = t.getDeclaredMethod(method.getName(), method.getParameterTypes());
                if (Arrays.stream(m.getAnnotations()).anyMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class))) {
                    return true;
                }
            } catch (NoSuchMethodException ignored) {
                // not declared at this level
            }
        }
        return false;
    }

    private static boolean isAnnotatedAnywhere(Class<?> type, Class<? extends Annotation> annotation) {
        return hierarchy(type).stream().anyMatch(t -> t.isAnnotationPresent(annotation));
    }

    private static List<Class<?>> hierarchy(Class<?> type) {
        List<Class<?>> all = new ArrayList<>();
        collect(type, all);
        return all;
    }

    private static void collect(Class<?> type, List<Class<?>> all) {
        if (type == null || type == Object.class || all.contains(type)) {
            return;
        }
        all.add(type);
        collect(type.getSuperclass(), all);
        for (Class<?> i : type.getInterfaces()) {
            collect(i, all);
        }
    }

    private static boolean decides(AnnotatedElement element) {
        return DECISIONS.stream().anyMatch(element::isAnnotationPresent);
    }

    private static List<Class<?>> classesIn(String pkg, ClassLoader loader) {
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
                String relative = dir.relativize(f).toString().replace('/', '.');
                load(pkg + "." + withoutClassSuffix(relative), loader, classes);
            });
        }
    }

    private static void addFromJar(URL root, String path, ClassLoader loader, List<Class<?>> classes) throws IOException {
        JarURLConnection connection = (JarURLConnection) root.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            Collections.list(jar.entries()).stream()
                    .map(JarEntry::getName)
                    .filter(n -> n.startsWith(path + "/") && n.endsWith(".class"))
                    .forEach(n -> load(withoutClassSuffix(n.replace('/', '.')), loader, classes));
        }
    }

    /** Only the trailing {@code .class}: a package such as {@code io.firebreak.classification} keeps its name. */
    static String withoutClassSuffix(String name) {
        return name.substring(0, name.length() - ".class".length());
    }

    private static void load(String name, ClassLoader loader, List<Class<?>> classes) {
        try {
            classes.add(Class.forName(name, false, loader));
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("cannot load " + name, e);
        }
    }
}
