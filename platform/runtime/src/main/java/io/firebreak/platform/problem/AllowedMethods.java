package io.firebreak.platform.problem;

import io.quarkus.arc.Arc;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The methods a path accepts, for the {@code Allow} header of a 405 (RFC 9110 §15.5.6 requires it;
 * Quarkus REST's own 405 carries none). Read once from the application's resource classes.
 */
final class AllowedMethods {

    private static final Pattern PARAMETER = Pattern.compile("\\{\\s*\\w[\\w.-]*\\s*(?::\\s*((?:[^{}]|\\{[^{}]*})+))?}");
    private static volatile List<Route> routes;

    private AllowedMethods() {
    }

    private record Route(Pattern path, String method) {
    }

    /** Comma-separated methods for {@code path}, or null when no resource serves it. */
    static String forPath(String path) {
        Set<String> methods = new TreeSet<>();
        for (Route route : routes()) {
            if (route.path().matcher(path).matches()) {
                methods.add(route.method());
            }
        }
        if (methods.isEmpty()) {
            return null;
        }
        if (methods.contains("GET")) {
            methods.add("HEAD");
        }
        methods.add("OPTIONS");
        return String.join(", ", methods);
    }

    private static List<Route> routes() {
        List<Route> known = routes;
        if (known == null) {
            known = scan();
            routes = known;
        }
        return known;
    }

    private static List<Route> scan() {
        List<Route> found = new ArrayList<>();
        BeanManager beans = Arc.container().beanManager();
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            Path classPath = type.getAnnotation(Path.class);
            if (classPath == null) {
                continue;
            }
            for (Method method : type.getMethods()) {
                String http = httpMethod(method);
                if (http != null) {
                    Path methodPath = method.getAnnotation(Path.class);
                    found.add(new Route(template(classPath.value(), methodPath == null ? "" : methodPath.value()), http));
                }
            }
        }
        return List.copyOf(found);
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    /** A JAX-RS path template as a regular expression: {@code {name}} is one segment, {@code {name: re}} is re. */
    static Pattern template(String classPath, String methodPath) {
        String joined = ("/" + classPath + "/" + methodPath).replaceAll("/+", "/");
        if (joined.length() > 1 && joined.endsWith("/")) {
            joined = joined.substring(0, joined.length() - 1);
        }
        StringBuilder regex = new StringBuilder();
        Matcher m = PARAMETER.matcher(joined);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(joined.substring(last, m.start())));
            regex.append('(').append(m.group(1) != null ? m.group(1).strip() : "[^/]+").append(')');
            last = m.end();
        }
        regex.append(Pattern.quote(joined.substring(last))).append("/?");
        return Pattern.compile(regex.toString());
    }
}
