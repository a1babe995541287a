/**
 * Helpers of the shard supervisor (reconnect backoff, the sink a connection writes through before
 * it opens); internal, not API: it may change in any release.
 */
package io.github.discordgateway.core.shard.internal;
