package io.github.discordgateway.test;

/**
 * Answers REST requests to a {@link FakeDiscordGateway}, like MockWebServer's dispatcher: a test
 * stubs any endpoint its bot calls and asserts the request through {@link
 * TrafficRecorder#takeHttpRequest(java.time.Duration)}.
 *
 * <pre>{@code
 * gateway.restDispatcher(request -> {
 *   if (request.is("GET", "/applications/@me")) {
 *     return RestResponse.ok("{\"id\":\"1085128370007572480\",\"name\":\"Relay\"}");
 *   }
 *   if (request.is("POST", "/channels/573544236423708673/messages")) {
 *     return RestResponse.ok("{\"id\":\"1\",\"content\":\"pong\"}");
 *   }
 *   return null; // the fake's own endpoints, else 404
 * });
 * }</pre>
 *
 * <p>It runs on the fake's I/O threads: answer from memory, do not block.
 */
@FunctionalInterface
public interface RestDispatcher {

  /**
   * Returns the answer to {@code request}, or {@code null} to let the fake answer it (discovery,
   * {@code /users/@me}, else 404). An exception is answered with 500 and logged.
   */
  RestResponse dispatch(RestRequest request);
}
