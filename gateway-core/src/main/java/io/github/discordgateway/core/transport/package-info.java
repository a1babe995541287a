/**
 * The seam between the core and a WebSocket library: the core opens connections through a {@link
 * io.github.discordgateway.core.transport.GatewayTransport} and never depends on a WebSocket API.
 */
package io.github.discordgateway.core.transport;
