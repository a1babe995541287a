/**
 * Identify coordination and session storage in Redis, for bots whose shards run in several
 * processes, and their auto-configuration.
 */
package io.github.discordgateway.autoconfigure.redis;
