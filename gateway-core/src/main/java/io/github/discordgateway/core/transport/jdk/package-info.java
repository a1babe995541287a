/**
 * A {@link io.github.discordgateway.core.transport.GatewayTransport} over the JDK's own WebSocket
 * client ({@code java.net.http.WebSocket}): no framework and no dependency, and a thread count that
 * does not grow with the number of connections, TLS ({@code wss://}) included.
 */
package io.github.discordgateway.core.transport.jdk;
