package io.github.discordgateway.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.discordgateway.core.protocol.Opcode;
import io.github.discordgateway.core.shard.Shard;
import io.github.discordgateway.core.shard.ShardManager;
import io.github.discordgateway.core.shard.ShardStatus;
import io.github.discordgateway.sample.bot.MemberCensus;
import io.github.discordgateway.sample.bot.MemberGreeter;
import io.github.discordgateway.sample.bot.MessageStats;
import io.github.discordgateway.sample.bot.PingCommand;
import io.github.discordgateway.sample.bot.StatusCommand;
import io.github.discordgateway.sample.simulator.DiscordSimulator;
import io.github.discordgateway.test.ClientPayload;
import io.github.discordgateway.test.FakeEvents;
import io.github.discordgateway.test.FakeGuild;
import io.github.discordgateway.test.FakeUser;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The sample app as a newcomer runs it: no token, so it runs on the embedded simulator, with
 * actuator over HTTP. The scripted extras come every 300 ms here instead of every 2 s.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "discord.gateway.token=",
      "server.address=127.0.0.1",
      "sample.simulator.extras-interval=300ms",
      "sample.summary.interval=1s"
    })
@ExtendWith(OutputCaptureExtension.class)
class SampleApplicationTests {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @LocalServerPort int port;
  @Autowired ShardManager shardManager;
  @Autowired DiscordSimulator simulator;
  @Autowired MessageStats messageStats;
  @Autowired PingCommand ping;
  @Autowired MemberGreeter greeter;
  @Autowired StatusCommand status;
  @Autowired MemberCensus census;
  @Autowired MeterRegistry meters;

  @BeforeEach
  void bothShardsConnect() {
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () ->
                assertThat(shardManager.shards().values())
                    .hasSize(2)
                    .extracting(Shard::status)
                    .containsOnly(ShardStatus.CONNECTED));
  }

  @Test
  void healthIsUpOverHttpWithOneComponentPerShard() {
    await()
        .atMost(TIMEOUT)
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              Http.Response health = Http.get(port, "/actuator/health");
              assertThat(health.status()).isEqualTo(200);
              assertThat(health.json().path("status").asString()).isEqualTo("UP");
              JsonNode shards = health.json().path("components").path("discordGateway");
              assertThat(shards.path("status").asString()).isEqualTo("UP");
              assertThat(shards.path("components").path("shard-0").path("status").asString())
                  .isEqualTo("UP");
              assertThat(shards.path("components").path("shard-1").path("status").asString())
                  .isEqualTo("UP");
              assertThat(shards.path("components").path("shard-1").path("details").path("guilds"))
                  .isNotNull();
            });
  }

  @Test
  void handlesMessagesAndTheEventsMeterCountsThem() throws Exception {
    await().atMost(TIMEOUT).until(() -> messageStats.total() > 0);
    assertThat(messagesCounted()).isGreaterThanOrEqualTo(1);

    Http.Response metric =
        Http.get(port, "/actuator/metrics/discord.gateway.events?tag=type:MESSAGE_CREATE");
    assertThat(metric.status()).isEqualTo(200);
    assertThat(metric.json().path("measurements").get(0).path("statistic").asString())
        .isEqualTo("COUNT");
    assertThat(metric.json().path("measurements").get(0).path("value").asDouble())
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void countsMessagesPerGuildOnBothShards() {
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () ->
                assertThat(messageStats.perGuild().keySet())
                    .containsAll(
                        simulator.guilds().stream()
                            .map(guild -> Long.parseLong(guild.id()))
                            .toList()));
  }

  @Test
  void answersPingWithTheReplyItWouldSend(CapturedOutput output) {
    FakeGuild guild = simulator.guilds().get(0);
    FakeUser author = FakeUser.of("1234567890123456789", "test.pinger");

    simulator.gateway().route(FakeEvents.messageCreate(guild, author, "!ping"));

    await()
        .atMost(TIMEOUT)
        .until(
            () ->
                output
                    .getOut()
                    .contains(
                        "!ping from test.pinger in Maple Street Makers (shard 0): would reply"
                            + " \"Pong!\""));
  }

  @Test
  void greetsMembersWhoJoin(CapturedOutput output) {
    FakeGuild guild = simulator.guilds().get(1);
    FakeUser newcomer = FakeUser.of("1234567890123456790", "test.newcomer");

    simulator.gateway().route(FakeEvents.guildMemberAdd(guild.id(), newcomer));

    await()
        .atMost(TIMEOUT)
        .until(
            () ->
                output
                    .getOut()
                    .contains(
                        "test.newcomer joined Night Owl Radio Club: would post \"Welcome to Night"
                            + " Owl Radio Club, test.newcomer!\""));
  }

  @Test
  void simulatorStreamsPingsJoinsAndSlashCommandsThatTheBotHandles() {
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> {
              assertThat(ping.answered()).isPositive();
              assertThat(greeter.greeted()).isPositive();
              assertThat(status.answered()).isPositive();
            });
  }

  @Test
  void setsThePresenceOnEveryShardWhenItConnects() {
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> {
              List<ClientPayload> presences =
                  simulator.gateway().recorder().payloads(Opcode.PRESENCE_UPDATE);
              assertThat(presences).extracting(ClientPayload::shard).contains(0, 1);
              assertThat(presences)
                  .allSatisfy(
                      presence -> {
                        assertThat(presence.data().path("status").asString()).isEqualTo("online");
                        assertThat(
                                presence.data().path("activities").get(0).path("state").asString())
                            .isEqualTo("Say !ping");
                      });
            });
  }

  @Test
  void countsTheMembersOfEveryGuildWithRequestGuildMembers() {
    Map<Long, Integer> expected = new HashMap<>();
    // the members of each simulated guild, plus the bot itself
    simulator
        .guilds()
        .forEach(guild -> expected.put(Long.parseLong(guild.id()), guild.members().size() + 1));

    await().atMost(TIMEOUT).untilAsserted(() -> assertThat(census.counts()).isEqualTo(expected));
  }

  @Test
  void discordGatewayEndpointListsBothShards() throws Exception {
    Http.Response response = Http.get(port, "/actuator/discordgateway");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().path("totalShards").asInt()).isEqualTo(2);
    assertThat(response.json().path("shards").findValuesAsString("state"))
        .containsExactly("CONNECTED", "CONNECTED");
  }

  @Test
  void logsAOneLineSummaryPeriodically(CapturedOutput output) {
    await()
        .atMost(TIMEOUT)
        .until(() -> output.getOut().lines().anyMatch(line -> line.contains("2/2 shards up")));
    assertThat(output.getOut().lines().filter(line -> line.contains("Activity: ")))
        .allMatch(line -> line.matches(".*Activity: \\d+\\.\\d events/s, \\d/2 shards up, .*"));
  }

  private double messagesCounted() {
    return meters.find("discord.gateway.events").tag("type", "MESSAGE_CREATE").counters().stream()
        .mapToDouble(Counter::count)
        .sum();
  }
}
