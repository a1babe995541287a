/** The framework-free Discord Gateway client: shared types such as {@link GatewayException}. */
package io.github.discordgateway.core;
