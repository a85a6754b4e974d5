package io.firebreak.testing.classfixture;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Endpoints declared on an interface, as REST clients and generated servers often do. */
@Path("/greeting")
public interface GreetingApi {

    @GET
    String hello();
}
