package io.firebreak.bare;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.Map;

/** The one endpoint of the baseline app. */
@Path("/hello")
public class Hello {

    @GET
    public Map<String, String> hello() {
        return Map.of("hello", "world");
    }
}
