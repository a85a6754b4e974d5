package io.firebreak.platform.api;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * The platform's endpoints are declared once as {@code /api/v1/{context}/…}; each service's OpenAPI
 * document shows them under the service's own context ({@code /api/v1/comms/me}), without a
 * {@code context} parameter a client could not choose anyway.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ConcreteContextPaths implements OASFilter {

    private static final String PLACEHOLDER = "{context}";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Paths paths = openAPI.getPaths();
        if (paths == null || paths.getPathItems() == null) {
            return;
        }
        String context = ConfigProvider.getConfig().getValue("firebreak.context", String.class);
        Map<String, PathItem> rewritten = new LinkedHashMap<>();
        paths.getPathItems().forEach((path, item) -> {
            if (path.contains(PLACEHOLDER)) {
                dropContextParameter(item.getParameters(), item::removeParameter);
                item.getOperations().values().forEach(op -> dropContextParameter(op.getParameters(), op::removeParameter));
                rewritten.put(path.replace(PLACEHOLDER, context), item);
            } else {
                rewritten.put(path, item);
            }
        });
        paths.setPathItems(rewritten);
    }

    private static void dropContextParameter(List<Parameter> parameters, java.util.function.Consumer<Parameter> remove) {
        if (parameters == null) {
            return;
        }
        List.copyOf(parameters).stream()
                .filter(p -> "context".equals(p.getName()) && p.getIn() == Parameter.In.PATH)
                .forEach(remove);
    }
}
