/** Gateway commands for Spring applications: the {@code DiscordGateway} bean. */
package io.github.discordgateway.autoconfigure.command;
