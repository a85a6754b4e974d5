package io.firebreak.platform.testapp;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** An endpoint that forgot its roles: the run-time backstop must refuse it to everyone. */
@Path("/test/forgotten")
public class UnannotatedProbeResource {

    @GET
    public String secret() {
        return "nobody should read this";
    }
}
