package io.github.discordgateway.core.transport.internal;

import java.net.URI;
import java.time.Duration;

/** The messages both transports give, worded once. */
public final class TransportMessages {

  private TransportMessages() {}

  /**
   * Returns the message of a connect attempt that timed out. It names the URI without its query,
   * which is where a gateway URL carries its parameters.
   *
   * @param uri the gateway URL
   * @param connectTimeout the time the attempt had
   * @return the message
   */
  public static String connectTimedOut(URI uri, Duration connectTimeout) {
    return "No WebSocket connection to " + withoutQuery(uri) + " within " + connectTimeout;
  }

  /**
   * Returns the URI without its query, for messages.
   *
   * @param uri the URI
   * @return scheme, authority and path
   */
  public static String withoutQuery(URI uri) {
    return uri.getScheme()
        + "://"
        + uri.getAuthority()
        + (uri.getPath() == null ? "" : uri.getPath());
  }
}
