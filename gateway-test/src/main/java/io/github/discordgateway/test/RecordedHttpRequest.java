package io.github.discordgateway.test;

import java.time.Instant;

/**
 * An HTTP request the fake answered (the Authorization header is not kept).
 *
 * @param method HTTP method
 * @param path request path without the query
 * @param authorized whether it carried {@code Authorization: Bot <the fake's token>}
 * @param status the status the fake (or the {@link RestDispatcher}) answered with
 * @param receivedAt when it arrived
 * @param request the whole request: route below the API prefix, query, headers and body
 */
public record RecordedHttpRequest(
    String method,
    String path,
    boolean authorized,
    int status,
    Instant receivedAt,
    RestRequest request) {

  /** Prints method, path and status only (the body and headers may hold secrets). */
  @Override
  public String toString() {
    return "RecordedHttpRequest[" + method + " " + path + " -> " + status + "]";
  }
}
