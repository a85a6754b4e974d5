package io.firebreak.platform.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.events.CloudEventHeaders;
import io.firebreak.platform.time.TimeBounds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * A CloudEvent read from a Kafka record in binary mode: attributes from {@code ce_*} headers, data from the value;
 * {@code restricted} from Firebreak's extension attribute (the subject is a restricted incident).
 */
public record CloudEventEnvelope(UUID id, String type, String source, String subject, Instant time, byte[] data,
                                 boolean restricted) {

    /** An event about a subject that is not restricted. */
    public CloudEventEnvelope(UUID id, String type, String source, String subject, Instant time, byte[] data) {
        this(id, type, source, subject, time, data, false);
    }

    /** Decodes the record; a record that is not a valid CloudEvent is a poison message. */
    public static CloudEventEnvelope decode(Headers headers, byte[] value) {
        String id = header(headers, CloudEventHeaders.ID);
        String type = header(headers, CloudEventHeaders.TYPE);
        String source = header(headers, CloudEventHeaders.SOURCE);
        if (id == null || type == null || source == null) {
            throw new PoisonMessageException("not a CloudEvent: ce_id, ce_type and ce_source are required");
        }
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new PoisonMessageException("ce_id is not a UUID: " + id);
        }
        String time = header(headers, CloudEventHeaders.TIME);
        Instant instant = null;
        if (time != null) {
            try {
                instant = TimeBounds.instant(time);
            } catch (DateTimeParseException e) {
                throw new PoisonMessageException("ce_time is not an RFC 3339 timestamp: " + time);
            }
        }
        return new CloudEventEnvelope(uuid, type, source, header(headers, CloudEventHeaders.SUBJECT), instant, value,
                "true".equals(header(headers, CloudEventHeaders.RESTRICTED)));
    }

    /** The data as the given payload record. */
    public <T> T data(ObjectMapper mapper, Class<T> payload) {
        if (data == null) {
            throw new PoisonMessageException("event " + id + " has no data");
        }
        try {
            return mapper.readValue(data, payload);
        } catch (IOException e) {
            throw new PoisonMessageException("data of event " + id + " (" + type + ") is not a valid "
                    + payload.getSimpleName() + ": " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
    }

    private static String header(Headers headers, String name) {
        Header header = headers == null ? null : headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CloudEventEnvelope other && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "CloudEvent[" + id + " " + type + " " + subject + "]";
    }
}
