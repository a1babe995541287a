/** A sample bot on the Discord gateway starter that runs on an embedded simulator by default. */
package io.github.discordgateway.sample;
