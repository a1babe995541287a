package io.github.discordgateway.test.redis;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs one {@link RedisServer} for a test class: started before the first test, stopped (and its
 * directory deleted) after the last. Register it in a static field and read the port from it; a
 * test that stopped or restarted the server leaves it running for the next one.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final RedisServerExtension REDIS = new RedisServerExtension();
 *
 * @Test
 * void sharesTheBudget() {
 *   RedisClient client = RedisClient.create(REDIS.url());
 * }
 * }</pre>
 */
public final class RedisServerExtension implements BeforeAllCallback, AfterAllCallback {

  private RedisServer server;

  @Override
  public void beforeAll(ExtensionContext context) {
    server = RedisServer.start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  /** Returns the server (started before the first test of the class). */
  public RedisServer server() {
    if (server == null) {
      throw new IllegalStateException("The Redis server runs only while the test class runs");
    }
    return server;
  }

  /** Returns the port on 127.0.0.1. */
  public int port() {
    return server().port();
  }

  /** Returns {@code redis://127.0.0.1:<port>}. */
  public String url() {
    return server().url();
  }

  /** Starts the server again if a test left it stopped. */
  public void ensureRunning() {
    if (!server().isRunning()) {
      server().restart();
    }
  }
}
