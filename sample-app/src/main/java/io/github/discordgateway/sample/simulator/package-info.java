/** The embedded Discord simulator the sample app connects to when no bot token is set. */
package io.github.discordgateway.sample.simulator;
