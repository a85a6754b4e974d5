package io.firebreak.classification.api;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * The address a sender calls from, for the per-source budget of unknown keys. Behind the gateway this
 * is the client's address from {@code X-Forwarded-For}, which Quarkus takes only from trusted proxies
 * ({@code quarkus.http.proxy.*}).
 */
final class IntakeSources {

    private IntakeSources() {
    }

    static String of(HttpServerRequest request) {
        SocketAddress address = request == null ? null : request.remoteAddress();
        return address == null ? "unknown" : address.hostAddress();
    }
}
