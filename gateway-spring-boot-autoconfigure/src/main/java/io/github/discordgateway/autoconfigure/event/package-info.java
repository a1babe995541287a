/**
 * Spring {@code ApplicationEvent}s for the gateway: one typed event per dispatch name, {@link
 * io.github.discordgateway.autoconfigure.event.DispatchEvent} for every dispatch and shard
 * lifecycle events.
 */
package io.github.discordgateway.autoconfigure.event;
