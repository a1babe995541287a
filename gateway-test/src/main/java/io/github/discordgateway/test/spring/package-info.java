/** Spring test glue: an annotation that starts a {@code FakeDiscordGateway} per test context. */
package io.github.discordgateway.test.spring;
