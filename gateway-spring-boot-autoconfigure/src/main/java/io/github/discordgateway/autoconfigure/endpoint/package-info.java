/** The {@code discordgateway} actuator endpoint: a table of shards and a reconnect operation. */
package io.github.discordgateway.autoconfigure.endpoint;
