/**
 * The state-pattern gateway client: one {@link io.github.discordgateway.core.client.GatewayClient}
 * per connection, from Hello through Identify or Resume to Connected and Closed.
 */
package io.github.discordgateway.core.client;
