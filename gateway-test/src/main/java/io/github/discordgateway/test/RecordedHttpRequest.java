package io.github.discordgateway.test;

import java.time.Instant;

/**
 * An HTTP request the fake answered (the Authorization header is not kept).
 *
 * @param method HTTP method
 * @param path request path without the query
 * @param authorized whether it carried {@code Authorization: Bot <the fake's token>}
 * @param status the status the fake answered with
 * @param receivedAt when it arrived
 */
public record RecordedHttpRequest(
    String method, String path, boolean authorized, int status, Instant receivedAt) {}
