package io.firebreak.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class KafkaOutboxSenderTest {

    @Test
    void theProducerIsCreatedOnTheSendThreadEvenWhenTheSenderIsBuiltOnAnEventLoop() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            CompletableFuture<KafkaOutboxSender> built = new CompletableFuture<>();
            CompletableFuture<String> builtOn = new CompletableFuture<>();
            vertx.runOnContext(ignored -> {
                builtOn.complete(Thread.currentThread().getName());
                built.complete(new KafkaOutboxSender(KafkaOutboxSender.producerConfig("127.0.0.1:9", "thread-test",
                        Duration.ofMillis(100), Duration.ofSeconds(1), java.util.Map.of())));
            });
            KafkaOutboxSender sender = built.get(10, TimeUnit.SECONDS);
            try {
                assertThat(builtOn.get()).contains("eventloop");
                await().atMost(Duration.ofSeconds(10)).until(() -> sender.producerCreatedOn() != null);
                assertThat(sender.producerCreatedOn()).isEqualTo("firebreak-outbox-send");
                assertThat(Context.isOnEventLoopThread()).isFalse();
            } finally {
                sender.close();
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
