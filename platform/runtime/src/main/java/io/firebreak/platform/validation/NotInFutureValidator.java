package io.firebreak.platform.validation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.TemporalAccessor;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Checks {@link NotInFuture} against the injectable clock. */
@ApplicationScoped
public class NotInFutureValidator implements ConstraintValidator<NotInFuture, TemporalAccessor> {

    private final Clock clock;
    private final Duration skew;

    public NotInFutureValidator(Clock clock,
                                @ConfigProperty(name = "firebreak.validation.clock-skew", defaultValue = "PT5M") Duration skew) {
        this.clock = clock;
        this.skew = skew;
    }

    @Override
    public boolean isValid(TemporalAccessor value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        return !Instant.from(value).isAfter(clock.instant().plus(skew));
    }
}
