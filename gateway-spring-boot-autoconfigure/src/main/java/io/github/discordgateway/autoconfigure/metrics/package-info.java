/** Micrometer meters of the Discord gateway ({@code discord.gateway.*}). */
package io.github.discordgateway.autoconfigure.metrics;
