package io.firebreak.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A payload field that may be absent (null). Every other field is always present; the AsyncAPI
 * document lists exactly those as {@code required}, and a test keeps the two in step. Fields added to
 * a released event type are optional: a new required field is a new major version of the type.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
public @interface OptionalField {
}
