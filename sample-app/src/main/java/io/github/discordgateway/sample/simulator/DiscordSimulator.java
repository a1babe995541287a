package io.github.discordgateway.sample.simulator;

import io.github.discordgateway.autoconfigure.DiscordConnectionDetails;
import io.github.discordgateway.test.FakeChannel;
import io.github.discordgateway.test.FakeDiscordGateway;
import io.github.discordgateway.test.FakeDispatch;
import io.github.discordgateway.test.FakeEvents;
import io.github.discordgateway.test.FakeGuild;
import io.github.discordgateway.test.FakeUser;
import io.github.discordgateway.test.TrafficGenerator;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small Discord in this process: a {@link FakeDiscordGateway} on {@code 127.0.0.1} with four
 * guilds spread over the shards, a background stream of realistic traffic (messages, typing,
 * presences, reactions, member updates) and, every {@link SimulatorProperties#extrasInterval()}, in
 * turn a {@code !ping} message, a new member joining and a {@code /status} slash command. Every
 * event goes to the shard that owns its guild, as on Discord.
 *
 * <pre>{@code
 * try (DiscordSimulator simulator = DiscordSimulator.start(properties)) {
 *   DiscordConnectionDetails details = simulator.connectionDetails();
 *   // connect a bot to details.gatewayUrl() with details.token()
 * }
 * }</pre>
 */
public final class DiscordSimulator implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DiscordSimulator.class);

  /** The guilds of the simulated bot: two on each of two shards. */
  static final List<FakeGuild> GUILDS =
      List.of(
          FakeGuild.generated("573544236423708672", "Maple Street Makers", 24),
          FakeGuild.generated("1062043913431384104", "Night Owl Radio Club", 40),
          FakeGuild.generated("884213317423939604", "Sourdough Collective", 12),
          FakeGuild.generated("884213317419745300", "Tidepool Naturalists", 16));

  private static final long DISCORD_EPOCH_MS = 1_420_070_400_000L;
  private static final String[] NEWCOMERS = {
    "pixel.pilot", "moss_and_ferns", "lowtide", "kettle.drum", "saffron", "northwind", "quill"
  };

  private final FakeDiscordGateway gateway;
  private final TrafficGenerator.Running traffic;
  private final ScheduledExecutorService extras;
  private final Random random;
  private final AtomicInteger tick = new AtomicInteger();
  private final AtomicLong newcomerSequence = new AtomicLong();
  private final AtomicBoolean closed = new AtomicBoolean();

  private DiscordSimulator(FakeDiscordGateway gateway, SimulatorProperties properties) {
    this.gateway = gateway;
    this.random = new Random(properties.seed());
    this.traffic = gateway.traffic().start(properties.eventsPerSecond());
    this.extras =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "discord-simulator");
              thread.setDaemon(true);
              return thread;
            });
    long interval = properties.extrasInterval().toMillis();
    extras.scheduleWithFixedDelay(this::sendExtra, interval, interval, TimeUnit.MILLISECONDS);
  }

  /**
   * Starts a simulator on an ephemeral port of {@code 127.0.0.1}.
   *
   * @param properties the settings
   * @return the running simulator; close it to stop the traffic and free the port
   */
  public static DiscordSimulator start(SimulatorProperties properties) {
    Objects.requireNonNull(properties, "properties");
    if (properties.eventsPerSecond() <= 0
        || properties.shards() < 1
        || properties.extrasInterval().isNegative()
        || properties.extrasInterval().isZero()) {
      throw new IllegalArgumentException(
          "sample.simulator needs events-per-second > 0, shards >= 1 and extras-interval > 0");
    }
    FakeDiscordGateway gateway =
        FakeDiscordGateway.builder()
            .shards(properties.shards())
            // every shard identifies at once, so the bot is up in a second
            .maxConcurrency(properties.shards())
            .heartbeatInterval(properties.heartbeatInterval())
            .guilds(GUILDS)
            .seed(properties.seed())
            .start();
    try {
      return new DiscordSimulator(gateway, properties);
    } catch (RuntimeException ex) {
      gateway.close();
      throw ex;
    }
  }

  /** Returns the fake gateway, to script more events or inspect what the bot sent. */
  public FakeDiscordGateway gateway() {
    return gateway;
  }

  /** Returns the guilds of the simulated bot. */
  public List<FakeGuild> guilds() {
    return GUILDS;
  }

  /** Returns where and with which token the bot connects to the simulator. */
  public DiscordConnectionDetails connectionDetails() {
    return DiscordConnectionDetails.of(
        URI.create(gateway.gatewayUrl()), URI.create(gateway.apiBaseUrl()), gateway.token());
  }

  /** Sends the next scripted extra: a {@code !ping}, a member joining or a slash command. */
  private void sendExtra() {
    try {
      FakeGuild guild = GUILDS.get(random.nextInt(GUILDS.size()));
      FakeUser member = guild.members().get(random.nextInt(guild.members().size()));
      List<FakeChannel> texts = guild.textChannels();
      String channelId = texts.get(random.nextInt(texts.size())).id();
      FakeDispatch event =
          switch (tick.getAndIncrement() % 3) {
            case 0 -> FakeEvents.messageCreate(guild.id(), channelId, member, "!ping");
            case 1 -> FakeEvents.guildMemberAdd(guild.id(), newcomer());
            default -> FakeEvents.interactionCreate(guild.id(), channelId, member, "status");
          };
      gateway.route(event);
    } catch (RuntimeException ex) {
      // keep the schedule alive: one failed extra must not stop the simulation
      log.debug("Simulator could not send an event: {}", ex.toString());
    }
  }

  private FakeUser newcomer() {
    long n = newcomerSequence.incrementAndGet();
    long id = ((Instant.now().toEpochMilli() - DISCORD_EPOCH_MS) << 22) | (n & 0xFFF);
    String name = NEWCOMERS[(int) ((n - 1) % NEWCOMERS.length)] + (n > NEWCOMERS.length ? n : "");
    return FakeUser.of(Long.toString(id), name);
  }

  /** Stops the traffic, closes every connection and frees the port. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    extras.shutdownNow();
    traffic.close();
    gateway.close();
    try {
      extras.awaitTermination(Duration.ofSeconds(2).toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
    }
    log.info("Simulator stopped");
  }

  /** Prints the address, never the token. */
  @Override
  public String toString() {
    return "DiscordSimulator[" + gateway.gatewayUrl() + ", guilds=" + GUILDS.size() + "]";
  }
}
