package io.github.discordgateway.core.transport;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Opens WebSocket connections to a gateway. One transport is shared by every shard of a process;
 * implementations adapt a WebSocket library (the Spring Boot starter ships one over
 * spring-websocket).
 */
public interface GatewayTransport {

  /**
   * Opens a connection to {@code uri}.
   *
   * @param uri the full gateway URL, query parameters included
   * @param handler receives the frames of the new connection
   * @param connectTimeout how long the TCP connect and the WebSocket handshake may take together
   * @return a future completed with the open connection, or exceptionally when it could not be
   *     opened; a timed-out attempt is cancelled and completed exceptionally
   */
  CompletableFuture<GatewayConnection> connect(
      URI uri, ConnectionHandler handler, Duration connectTimeout);
}
