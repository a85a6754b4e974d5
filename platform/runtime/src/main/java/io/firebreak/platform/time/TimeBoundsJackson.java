package io.firebreak.platform.time;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * Every request body of every service reads its dates and moments through this: one outside {@link TimeBounds}
 * fails the read with the field named (400), as a malformed date does, instead of reaching the database.
 */
@Singleton
public class TimeBoundsJackson implements ObjectMapperCustomizer {

    private static final Set<Class<?>> BOUNDED = Set.of(Instant.class, OffsetDateTime.class, ZonedDateTime.class,
            LocalDate.class, LocalDateTime.class);

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("firebreak-time-bounds");
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                    JsonDeserializer<?> deserializer) {
                return BOUNDED.contains(description.getBeanClass()) ? new Bounded(deserializer) : deserializer;
            }
        });
        mapper.registerModule(module);
    }

    /** Refuses a value outside the bounds; the problem mapper names the field. */
    public static final class OutOfBounds extends InvalidFormatException {
        OutOfBounds(JsonParser parser, Object value, Class<?> type) {
            super(parser, "A date or moment " + TimeBounds.RULE, value, type);
        }
    }

    private static final class Bounded extends DelegatingDeserializer {

        Bounded(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Bounded(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Object value = super.deserialize(parser, context);
            if (!TimeBounds.within(value)) {
                throw new OutOfBounds(parser, value, handledType());
            }
            return value;
        }
    }
}
