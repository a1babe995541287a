/** What the sample bot does with the events and commands of the starter. */
package io.github.discordgateway.sample.bot;
