package io.github.discordgateway.sample.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.discordgateway.autoconfigure.DiscordConnectionDetails;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SimulatorConfigurationTests {

  private final ApplicationContextRunner contextRunner =
      new ApplicationContextRunner().withUserConfiguration(SimulatorConfiguration.class);

  @Test
  void withoutTokenStartsTheSimulatorOnLoopbackAndConnectsToIt() {
    contextRunner.run(
        context -> {
          DiscordSimulator simulator = context.getBean(DiscordSimulator.class);
          DiscordConnectionDetails details = context.getBean(DiscordConnectionDetails.class);

          assertThat(details.gatewayUrl().toString()).isEqualTo(simulator.gateway().gatewayUrl());
          assertThat(details.gatewayUrl().getHost()).isEqualTo("127.0.0.1");
          assertThat(details.apiUrl().toString()).isEqualTo(simulator.gateway().apiBaseUrl());
          assertThat(details.token()).isEqualTo(simulator.gateway().token());
          assertThat(simulator.gateway().config().shards()).isEqualTo(2);
        });
  }

  @Test
  void blankTokenCountsAsNoToken() {
    contextRunner
        .withPropertyValues("discord.gateway.token=  ")
        .run(context -> assertThat(context).hasSingleBean(DiscordSimulator.class));
  }

  @Test
  void withTokenThereIsNoSimulator() {
    contextRunner
        .withPropertyValues("discord.gateway.token=some-bot-token")
        .run(
            context ->
                assertThat(context)
                    .doesNotHaveBean(DiscordSimulator.class)
                    .doesNotHaveBean(DiscordConnectionDetails.class));
  }

  @Test
  void simulatorClosesWithTheContext() {
    AtomicReference<DiscordSimulator> simulator = new AtomicReference<>();

    contextRunner.run(context -> simulator.set(context.getBean(DiscordSimulator.class)));

    assertThat(simulator.get().gateway().isClosed()).isTrue();
  }

  @Test
  void shardCountAndRateAreConfigurable() {
    contextRunner
        .withPropertyValues("sample.simulator.shards=3", "sample.simulator.events-per-second=5")
        .run(
            context ->
                assertThat(context.getBean(DiscordSimulator.class).gateway().config().shards())
                    .isEqualTo(3));
  }

  @Test
  void invalidSettingsFailStartUpWithTheirNames() {
    contextRunner
        .withPropertyValues("sample.simulator.events-per-second=0")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("events-per-second"));
  }

  @Test
  void neitherTheSimulatorNorItsConnectionDetailsPrintTheToken() {
    contextRunner.run(
        context -> {
          DiscordSimulator simulator = context.getBean(DiscordSimulator.class);
          String token = simulator.gateway().token();

          assertThat(simulator.toString()).doesNotContain(token).contains("127.0.0.1");
          assertThat(context.getBean(DiscordConnectionDetails.class).toString())
              .doesNotContain(token);
        });
  }
}
