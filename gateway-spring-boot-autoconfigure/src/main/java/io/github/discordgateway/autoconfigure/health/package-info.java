/** Actuator health of the Discord gateway: one component per shard, and the readiness probe. */
package io.github.discordgateway.autoconfigure.health;
