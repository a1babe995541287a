package io.github.discordgateway.core.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code d} of op 10 Hello: the first payload of every connection.
 *
 * @param heartbeatInterval milliseconds between heartbeats
 */
public record Hello(@JsonProperty("heartbeat_interval") long heartbeatInterval) {}
