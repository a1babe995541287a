package io.github.discordgateway.test;

import java.util.Map;
import java.util.Objects;

/**
 * The answer of a {@link RestDispatcher}: status, headers and a body (JSON unless a {@code
 * content-type} header says otherwise).
 *
 * @param status the HTTP status
 * @param headers extra response headers
 * @param body the body (empty for none)
 */
public record RestResponse(int status, Map<String, String> headers, String body) {

  /** Validates and copies. */
  public RestResponse {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("not an HTTP status: " + status);
    }
    headers = Map.copyOf(headers);
    Objects.requireNonNull(body, "body");
  }

  /** Returns a JSON response with {@code status} and {@code json}. */
  public static RestResponse json(int status, String json) {
    return new RestResponse(status, Map.of(), json);
  }

  /** Returns {@code 200 OK} with {@code json}. */
  public static RestResponse ok(String json) {
    return json(200, json);
  }

  /** Returns {@code 204 No Content}. */
  public static RestResponse noContent() {
    return new RestResponse(204, Map.of(), "");
  }

  /** Returns Discord's {@code 404: Not Found} error body with code 0. */
  public static RestResponse notFound() {
    return json(404, "{\"message\":\"404: Not Found\",\"code\":0}");
  }

  /**
   * Returns Discord's 429 answer: {@code retry_after} in seconds in the body and the {@code
   * Retry-After} header.
   */
  public static RestResponse rateLimited(double retryAfterSeconds, boolean global) {
    return new RestResponse(
        429,
        Map.of("retry-after", Long.toString((long) Math.ceil(retryAfterSeconds))),
        "{\"message\":\"You are being rate limited.\",\"retry_after\":"
            + retryAfterSeconds
            + ",\"global\":"
            + global
            + "}");
  }

  /** Returns a copy with the header {@code name} set to {@code value}. */
  public RestResponse withHeader(String name, String value) {
    java.util.Map<String, String> copy = new java.util.LinkedHashMap<>(headers);
    copy.put(name, value);
    return new RestResponse(status, copy, body);
  }
}
