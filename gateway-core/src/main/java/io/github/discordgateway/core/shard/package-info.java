/** Shards: the supervisor of one shard's connections, the shard manager, routing and backoff. */
package io.github.discordgateway.core.shard;
