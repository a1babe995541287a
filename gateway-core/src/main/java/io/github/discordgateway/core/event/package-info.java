/**
 * Delivery of dispatches to listeners: in order per shard, off the socket and heartbeat threads.
 */
package io.github.discordgateway.core.event;
