package io.github.discordgateway.test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A REST request a client sent to the fake, as a {@link RestDispatcher} sees it and the {@link
 * TrafficRecorder} keeps it. The {@code Authorization} header is not kept: {@link #authorized()}
 * says whether it carried {@code Bot <the fake's token>}.
 *
 * @param method HTTP method, upper case
 * @param path the full request path without the query, for example {@code /api/v10/users/@me}
 * @param route the path below the API prefix ({@code /api/v6} to {@code /api/v10} or {@code /api}),
 *     for example {@code /users/@me}; {@code null} when the path is outside the API
 * @param apiVersion the version in the path (6 to 10), or 0 for {@code /api/...} without one or a
 *     path outside the API
 * @param query the query parameters (all values of each, in order)
 * @param headers the request headers except {@code Authorization}, names in lower case
 * @param body the request body as UTF-8 text (empty when none)
 * @param authorized whether it carried {@code Authorization: Bot <the fake's token>}
 * @param receivedAt when it arrived (from the configured clock)
 */
public record RestRequest(
    String method,
    String path,
    String route,
    int apiVersion,
    Map<String, List<String>> query,
    Map<String, String> headers,
    String body,
    boolean authorized,
    Instant receivedAt) {

  /** Copies the maps. */
  public RestRequest {
    query = Map.copyOf(query);
    headers = Map.copyOf(headers);
  }

  /** Returns whether this is {@code method} on {@code route} (for example GET, /users/@me). */
  public boolean is(String method, String route) {
    return this.method.equalsIgnoreCase(method) && route.equals(this.route);
  }

  /** Returns the header {@code name} (case-insensitive), if present. */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
  }

  /** Prints method and path only (the body and headers may hold secrets). */
  @Override
  public String toString() {
    return "RestRequest[" + method + " " + path + "]";
  }
}
