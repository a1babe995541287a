/**
 * Machinery the core's public classes are built on; not an API: it may change in any release.
 * {@link io.github.discordgateway.core.internal.SerialExecutor} is the one thread of truth of each
 * shard.
 */
package io.github.discordgateway.core.internal;
