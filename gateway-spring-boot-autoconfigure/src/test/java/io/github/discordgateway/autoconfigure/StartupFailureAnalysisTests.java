package io.github.discordgateway.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.github.discordgateway.autoconfigure.DiscordGatewayConfigurationException.Kind;
import io.github.discordgateway.core.client.GatewaySettings;
import io.github.discordgateway.core.codec.Compression;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.socket.client.WebSocketClient;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;

/** What a user sees when the configuration of a new bot is wrong: a report, not a hang. */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureAnalysisTests {

  static final String TOKEN = "MTA4NTEyODM3MDAwNzU3MjQ4MA.secret-token-value-for-tests";

  private final ApplicationContextRunner contextRunner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(DiscordGatewayAutoConfiguration.class))
          .withPropertyValues(
              "discord.gateway.token=" + TOKEN,
              "discord.gateway.url=ws://127.0.0.1:9",
              "discord.gateway.auto-startup=false");

  @Test
  @DisplayName("an unset ${DISCORD_TOKEN} is reported as a missing token naming the placeholder")
  void unresolvedTokenPlaceholderIsAMissingToken() {
    contextRunner
        .withPropertyValues("discord.gateway.token=${GATEWAY_TEST_VARIABLE_THAT_IS_NEVER_SET}")
        .run(
            context -> {
              assertThat(context).hasFailed();
              DiscordGatewayConfigurationException ex = failure(context.getStartupFailure());
              assertThat(ex.kind()).isEqualTo(Kind.MISSING_TOKEN);
              assertThat(ex.property()).isEqualTo("discord.gateway.token");
              assertThat(ex.getMessage())
                  .contains("No bot token is configured")
                  .contains("${GATEWAY_TEST_VARIABLE_THAT_IS_NEVER_SET}");
              FailureAnalysis analysis = analyze(context.getStartupFailure());
              assertThat(analysis.getDescription())
                  .contains("unresolved placeholder ${GATEWAY_TEST_VARIABLE_THAT_IS_NEVER_SET}");
              assertThat(analysis.getAction()).contains("discord.gateway.token");
            });
  }

  @Test
  @DisplayName("an empty default (${DISCORD_TOKEN:}) gives the missing-token report")
  void emptyDefaultIsAMissingToken() {
    contextRunner
        .withPropertyValues("discord.gateway.token=${GATEWAY_TEST_VARIABLE_THAT_IS_NEVER_SET:}")
        .run(
            context ->
                assertThat(failure(context.getStartupFailure()).kind())
                    .isEqualTo(Kind.MISSING_TOKEN));
  }

  @Test
  @DisplayName("zstd-stream without zstd-jni fails at start-up naming the dependency to add")
  void zstdWithoutZstdJniFailsNamingTheDependency() {
    contextRunner
        .withClassLoader(new FilteredClassLoader("com.github.luben.zstd"))
        .withPropertyValues("discord.gateway.compression=zstd-stream")
        .run(
            context -> {
              assertThat(context).hasFailed();
              DiscordGatewayConfigurationException ex = failure(context.getStartupFailure());
              assertThat(ex.kind()).isEqualTo(Kind.MISSING_DEPENDENCY);
              assertThat(ex.property()).isEqualTo("discord.gateway.compression");
              FailureAnalysis analysis = analyze(context.getStartupFailure());
              assertThat(analysis.getDescription()).contains("com.github.luben:zstd-jni");
              assertThat(analysis.getAction())
                  .contains("com.github.luben:zstd-jni")
                  .contains("zlib-stream");
            });
  }

  @Test
  @DisplayName("compression binds as written in the docs: zlib-stream, zstd-stream, none")
  void compressionBindsAsDocumented() {
    Map<String, Compression> values =
        Map.of(
            "zlib-stream", Compression.ZLIB_STREAM,
            "ZLIB_STREAM", Compression.ZLIB_STREAM,
            "zstd-stream", Compression.ZSTD_STREAM,
            "none", Compression.NONE);
    values.forEach(
        (value, expected) ->
            contextRunner
                .withPropertyValues("discord.gateway.compression=" + value)
                .run(
                    context ->
                        assertThat(context.getBean(GatewaySettings.class).compression())
                            .as(value)
                            .isEqualTo(expected)));
  }

  @Test
  @DisplayName("an unknown compression lists the documented values, not enum constants")
  void unknownCompressionListsTheDocumentedValues() {
    contextRunner
        .withPropertyValues("discord.gateway.compression=gzip")
        .run(
            context -> {
              DiscordGatewayConfigurationException ex = failure(context.getStartupFailure());
              assertThat(ex.property()).isEqualTo("discord.gateway.compression");
              assertThat(ex.getMessage())
                  .contains("zlib-stream, zstd-stream, none")
                  .contains("gzip")
                  .doesNotContain("ZLIB_STREAM");
            });
  }

  @Test
  @DisplayName("a gateway URL that is not ws:// or wss:// fails at start-up")
  void gatewayUrlMustBeAWebSocketUrl() {
    for (String url : new String[] {"https://gateway.discord.gg", "gateway.discord.gg"}) {
      contextRunner
          .withPropertyValues("discord.gateway.url=" + url)
          .run(
              context -> {
                assertThat(context).as(url).hasFailed();
                DiscordGatewayConfigurationException ex = failure(context.getStartupFailure());
                assertThat(ex.property()).isEqualTo("discord.gateway.url");
                assertThat(ex.getMessage()).contains("ws://").contains(url);
              });
    }
    contextRunner
        .withPropertyValues("discord.gateway.url=wss://gateway.discord.gg")
        .run(context -> assertThat(context).hasNotFailed());
  }

  @Test
  @DisplayName("value errors name the full property, for example discord.gateway.large-threshold")
  void valueErrorsNameTheFullProperty() {
    contextRunner
        .withPropertyValues("discord.gateway.large-threshold=20")
        .run(
            context -> {
              DiscordGatewayConfigurationException ex = failure(context.getStartupFailure());
              assertThat(ex.getMessage()).startsWith("discord.gateway.large-threshold must be");
              FailureAnalysis analysis = analyze(context.getStartupFailure());
              assertThat(analysis.getDescription()).doesNotContain("..").endsWith(".");
            });
  }

  @Test
  @DisplayName("an application's own WebSocketClient bean is not used as the Discord transport")
  void unrelatedWebSocketClientIsNotTheTransport() {
    WebSocketClient unrelated = mock(WebSocketClient.class);
    contextRunner
        .withBean("myWebSocketClient", WebSocketClient.class, () -> unrelated)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(
                      context.getBean(DiscordGatewayAutoConfiguration.WEB_SOCKET_CLIENT_BEAN_NAME))
                  .isInstanceOf(StandardWebSocketClient.class)
                  .isNotSameAs(unrelated);
              assertThat(context.getBean("myWebSocketClient")).isSameAs(unrelated);
            });
  }

  @Test
  @DisplayName("fatal-action=exit registers the exit listener; by default nothing exits")
  void fatalActionExitIsOptIn() {
    contextRunner.run(context -> assertThat(context).doesNotHaveBean(FatalCloseExit.class));
    contextRunner
        .withPropertyValues("discord.gateway.fatal-action=exit")
        .run(context -> assertThat(context).hasSingleBean(FatalCloseExit.class));
    contextRunner
        .withPropertyValues("discord.gateway.fatal-action=restart")
        .run(context -> assertThat(context).hasFailed());
  }

  @Test
  @DisplayName("stopping before the shards are ready logs no ERROR")
  void stopBeforeReadyLogsNoError(CapturedOutput output) {
    // nothing listens on port 9: the shard keeps retrying until the context closes
    contextRunner
        .withPropertyValues("discord.gateway.auto-startup=true")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(DiscordGatewayLifecycle.class).isRunning()).isTrue();
            });
    assertThat(output.getAll())
        .contains("Disconnecting the Discord gateway")
        .doesNotContain("ERROR")
        .doesNotContain("stopped a shard");
  }

  private static FailureAnalysis analyze(Throwable failure) {
    FailureAnalysis analysis = new DiscordGatewayConfigurationFailureAnalyzer().analyze(failure);
    assertThat(analysis).isNotNull();
    return analysis;
  }

  private static DiscordGatewayConfigurationException failure(Throwable failure) {
    Throwable current = failure;
    for (int depth = 0; current != null && depth < 20; depth++) {
      if (current instanceof DiscordGatewayConfigurationException ex) {
        return ex;
      }
      current = current.getCause();
    }
    throw new AssertionError("No DiscordGatewayConfigurationException in " + failure, failure);
  }
}
