/**
 * Payload records of the dispatch events (op 0), one per event shape, and the {@link
 * io.github.discordgateway.core.model.event.DispatchPayloads} registry from event name to record.
 * The conventions of {@link io.github.discordgateway.core.model} apply.
 */
package io.github.discordgateway.core.model.event;
