/**
 * Helpers of the shards (reconnect backoff, the sink a connection writes through before it opens,
 * the threads a manager makes for itself); internal, not API: it may change in any release.
 */
package io.github.discordgateway.core.shard.internal;
