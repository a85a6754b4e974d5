package io.firebreak.platform.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks endpoints about one incident: the path parameter named here is the incident id, and
 * {@link IncidentVisibilityFilter} answers 404 before the endpoint runs when the caller may not see the
 * incident (restricted, and the caller neither in its war room nor an auditor or admin).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface IncidentScoped {

    /** The path parameter holding the incident id. */
    String value() default "id";

    /** Only the war room's members (and auditors, admins) may call it; any other caller who may see the incident gets 403. */
    boolean membersOnly() default false;
}
