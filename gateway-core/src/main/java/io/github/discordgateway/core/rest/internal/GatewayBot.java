package io.github.discordgateway.core.rest.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.discordgateway.core.protocol.SessionStartLimit;

/**
 * The answer of {@code GET /gateway/bot}.
 *
 * @param url the WebSocket URL to connect to (without query)
 * @param shards the recommended shard count
 * @param sessionStartLimit the identify quota and {@code max_concurrency}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GatewayBot(
    String url,
    int shards,
    @JsonProperty("session_start_limit") SessionStartLimit sessionStartLimit) {}
