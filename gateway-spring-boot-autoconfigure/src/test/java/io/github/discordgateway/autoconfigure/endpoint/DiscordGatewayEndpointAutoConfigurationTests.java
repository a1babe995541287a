package io.github.discordgateway.autoconfigure.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.discordgateway.autoconfigure.endpoint.DiscordGatewayEndpoint.ReconnectDescriptor;
import io.github.discordgateway.autoconfigure.endpoint.DiscordGatewayEndpoint.ShardDescriptor;
import io.github.discordgateway.autoconfigure.endpoint.DiscordGatewayEndpoint.ShardsDescriptor;
import io.github.discordgateway.autoconfigure.health.FakeGatewayShards;
import io.github.discordgateway.core.shard.ShardManager;
import io.github.discordgateway.core.shard.ShardStatus;
import io.github.discordgateway.test.FakeDiscordGateway;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.web.ExposableWebEndpoint;
import org.springframework.boot.actuate.endpoint.web.WebEndpointsSupplier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import tools.jackson.databind.json.JsonMapper;

class DiscordGatewayEndpointAutoConfigurationTests {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final ApplicationContextRunner contextRunner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  EndpointAutoConfiguration.class, DiscordGatewayEndpointAutoConfiguration.class))
          .withUserConfiguration(FakeGatewayShards.class)
          .withPropertyValues("management.endpoints.web.exposure.include=health,discordgateway");

  @Test
  void readListsEveryShardWithStateLatencyGuildsAndLastClose() {
    contextRunner
        .withPropertyValues("test.shards=2")
        .run(
            context -> {
              DiscordGatewayEndpoint endpoint = context.getBean(DiscordGatewayEndpoint.class);
              assertThat(endpoint.shards().shards()).isEmpty();
              context.getBean(ShardManager.class).start().get(10, TimeUnit.SECONDS);

              await()
                  .atMost(TIMEOUT)
                  .until(
                      () ->
                          endpoint.shards().shards().stream()
                              .allMatch(s -> s.latencyMillis() != null && s.guilds() >= 0));
              ShardsDescriptor table = endpoint.shards();
              assertThat(table.totalShards()).isEqualTo(2);
              assertThat(table.shards()).extracting(ShardDescriptor::id).containsExactly(0, 1);
              assertThat(table.shards())
                  .allSatisfy(
                      row -> {
                        assertThat(row.state()).isEqualTo("CONNECTED");
                        assertThat(row.lastCloseCode()).isNull();
                        assertThat(row.identifies()).isEqualTo(1);
                      });
              assertThat(endpoint.shard(1).id()).isEqualTo(1);
              assertThat(endpoint.shard(7)).isNull();
            });
  }

  @Test
  void readOutputContainsNeitherTokenNorSessionId() {
    contextRunner.run(
        context -> {
          FakeDiscordGateway gateway = context.getBean(FakeDiscordGateway.class);
          context.getBean(ShardManager.class).start().get(10, TimeUnit.SECONDS);
          String json =
              JsonMapper.builder()
                  .build()
                  .writeValueAsString(context.getBean(DiscordGatewayEndpoint.class).shards());
          assertThat(json).contains("CONNECTED");
          assertThat(json)
              .doesNotContain(gateway.token())
              .doesNotContain(gateway.sessionId(0).orElseThrow());
        });
  }

  @Test
  void reconnectingOneShardResumesItsSession() {
    contextRunner
        .withPropertyValues("test.shards=2")
        .run(
            context -> {
              FakeDiscordGateway gateway = context.getBean(FakeDiscordGateway.class);
              ShardManager manager = context.getBean(ShardManager.class);
              manager.start().get(10, TimeUnit.SECONDS);

              ReconnectDescriptor result =
                  context.getBean(DiscordGatewayEndpoint.class).reconnect(1);

              assertThat(result.reconnecting()).containsExactly(1);
              assertThat(result.notRunning()).isEmpty();
              await()
                  .atMost(TIMEOUT)
                  .until(
                      () ->
                          gateway.recorder().resumeCount(1) == 1
                              && manager.shard(1).orElseThrow().status() == ShardStatus.CONNECTED);
              assertThat(gateway.recorder().resumeCount(0)).isZero();
              assertThat(gateway.recorder().identifyCount(1)).isEqualTo(1);
              assertThat(context.getBean(DiscordGatewayEndpoint.class).reconnect(5)).isNull();
            });
  }

  @Test
  void reconnectingAllShardsResumesEachAndSkipsAFatalOne() {
    contextRunner
        .withPropertyValues("test.shards=2")
        .run(
            context -> {
              FakeDiscordGateway gateway = context.getBean(FakeDiscordGateway.class);
              ShardManager manager = context.getBean(ShardManager.class);
              DiscordGatewayEndpoint endpoint = context.getBean(DiscordGatewayEndpoint.class);
              manager.start().get(10, TimeUnit.SECONDS);
              gateway.closeConnection(0, 4004, "Authentication failed");
              await()
                  .atMost(TIMEOUT)
                  .until(() -> manager.shard(0).orElseThrow().status() == ShardStatus.FATAL);

              ReconnectDescriptor result = endpoint.reconnectAll();

              assertThat(result.reconnecting()).containsExactly(1);
              assertThat(result.notRunning()).containsExactly(0);
              await().atMost(TIMEOUT).until(() -> gateway.recorder().resumeCount(1) == 1);
              assertThat(endpoint.shard(0).lastCloseCode()).isEqualTo(4004);
              assertThat(endpoint.shard(0).state()).isEqualTo("FATAL");
            });
  }

  @Test
  void backsOffWhenTheEndpointIsNotExposed() {
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                EndpointAutoConfiguration.class, DiscordGatewayEndpointAutoConfiguration.class))
        .withUserConfiguration(FakeGatewayShards.class)
        .run(context -> assertThat(context).doesNotHaveBean(DiscordGatewayEndpoint.class));
  }

  @Test
  void backsOffWhenTheActuatorIsNotOnTheClasspath() {
    contextRunner
        .withClassLoader(new FilteredClassLoader(Endpoint.class))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(DiscordGatewayEndpoint.class);
            });
  }

  @Test
  void backsOffWithoutShardManager() {
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                EndpointAutoConfiguration.class, DiscordGatewayEndpointAutoConfiguration.class))
        .withPropertyValues("management.endpoints.web.exposure.include=discordgateway")
        .run(context -> assertThat(context).doesNotHaveBean(DiscordGatewayEndpoint.class));
  }

  @Test
  void isDiscoveredAsWebEndpointWithReadAndWriteOperations() {
    new WebApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                EndpointAutoConfiguration.class,
                WebEndpointAutoConfiguration.class,
                DiscordGatewayEndpointAutoConfiguration.class))
        .withUserConfiguration(FakeGatewayShards.class)
        .withPropertyValues(
            "management.endpoints.web.exposure.include=discordgateway",
            "management.endpoint.discordgateway.access=UNRESTRICTED")
        .run(
            context -> {
              ExposableWebEndpoint endpoint =
                  context.getBean(WebEndpointsSupplier.class).getEndpoints().stream()
                      .filter(e -> e.getEndpointId().toString().equals("discordgateway"))
                      .findFirst()
                      .orElseThrow();
              assertThat(endpoint.getOperations())
                  .extracting(
                      op ->
                          op.getRequestPredicate().getHttpMethod()
                              + " "
                              + op.getRequestPredicate().getPath())
                  .containsExactlyInAnyOrder(
                      "GET discordgateway",
                      "GET discordgateway/{id}",
                      "POST discordgateway",
                      "POST discordgateway/{id}");
            });
  }

  @Test
  void writeOperationsAreNotAccessibleByDefault() {
    new WebApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                EndpointAutoConfiguration.class,
                WebEndpointAutoConfiguration.class,
                DiscordGatewayEndpointAutoConfiguration.class))
        .withUserConfiguration(FakeGatewayShards.class)
        .withPropertyValues("management.endpoints.web.exposure.include=discordgateway")
        .run(
            context -> {
              ExposableWebEndpoint endpoint =
                  context.getBean(WebEndpointsSupplier.class).getEndpoints().stream()
                      .filter(e -> e.getEndpointId().toString().equals("discordgateway"))
                      .findFirst()
                      .orElseThrow();
              assertThat(endpoint.getOperations())
                  .extracting(op -> op.getRequestPredicate().getHttpMethod().toString())
                  .containsOnly("GET");
            });
  }
}
