package io.firebreak.platform.messaging;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every incoming Kafka channel's dead letters go to {@code <topic>.dlq}, the name the event contract
 * promises, unless the channel names another topic itself. SmallRye's own default is
 * {@code dead-letter-topic-<channel>}, which a channel that forgot the setting would silently use.
 */
public class DeadLetterTopics implements ConfigSourceInterceptor {

    private static final Pattern DLQ_TOPIC = Pattern.compile("mp\\.messaging\\.incoming\\.(.+)\\.dead-letter-queue\\.topic");

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (value != null || !name.startsWith("mp.messaging.incoming.")) {
            return value;
        }
        Matcher matcher = DLQ_TOPIC.matcher(name);
        if (!matcher.matches()) {
            return null;
        }
        String channel = matcher.group(1);
        ConfigValue topic = context.proceed("mp.messaging.incoming." + channel + ".topic");
        // SmallRye reads a channel without a topic setting from the topic named like the channel.
        String base = topic != null && topic.getValue() != null ? topic.getValue() : channel;
        return ConfigValue.builder().withName(name).withValue(base + ".dlq")
                .withConfigSourceName("firebreak dead-letter topic default").build();
    }
}
