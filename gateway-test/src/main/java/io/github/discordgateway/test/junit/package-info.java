/** JUnit Jupiter extension that starts a {@code FakeDiscordGateway} and injects it into tests. */
package io.github.discordgateway.test.junit;
