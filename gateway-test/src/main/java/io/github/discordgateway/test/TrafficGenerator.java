package io.github.discordgateway.test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams realistic events (messages, member updates, presences, typing, reactions) from the
 * configured guilds, each routed to the shard that owns its guild. The mix is random but
 * reproducible from {@link FakeGatewayConfig#seed()}.
 *
 * <pre>{@code
 * int delivered = gateway.traffic().send(10_000);           // as fast as possible
 * gateway.traffic().send(100, 50.0);                        // 50 events per second
 * try (var running = gateway.traffic().start(20.0)) { ... } // in the background
 * }</pre>
 */
public final class TrafficGenerator {

  private static final Logger log = LoggerFactory.getLogger(TrafficGenerator.class);
  private static final int IN_FLIGHT = 512;
  private static final String[] STATUSES = {"online", "idle", "dnd", "offline"};
  private static final String[] EMOJIS = {"\uD83D\uDC4D", "\uD83C\uDF89", "\uD83D\uDD25", "✅"};
  private static final String[] WORDS = {
    "solder",
    "flux",
    "board",
    "reflow",
    "oven",
    "stencil",
    "resistor",
    "footprint",
    "gerber",
    "layer",
    "via",
    "trace",
    "ground",
    "plane",
    "firmware",
    "build"
  };

  private final GatewayState state;
  private final Random random;

  TrafficGenerator(GatewayState state) {
    this.state = state;
    this.random = new Random(state.config().seed());
  }

  /** Returns the next random event; the configured guilds must not be empty. */
  public synchronized FakeDispatch next() {
    List<FakeGuild> guilds = state.config().guilds();
    if (guilds.isEmpty()) {
      throw new IllegalStateException("the traffic generator needs at least one guild");
    }
    FakeGuild guild = guilds.get(random.nextInt(guilds.size()));
    FakeUser user =
        guild.members().isEmpty()
            ? state.config().botUser()
            : guild.members().get(random.nextInt(guild.members().size()));
    List<FakeChannel> texts = guild.textChannels();
    String channelId = texts.isEmpty() ? guild.id() : texts.get(random.nextInt(texts.size())).id();
    int kind = random.nextInt(100);
    if (kind < 40) {
      return FakeEvents.messageCreate(guild.id(), channelId, user, sentence());
    } else if (kind < 60) {
      return FakeEvents.typingStart(guild.id(), channelId, user);
    } else if (kind < 80) {
      return FakeEvents.presenceUpdate(
          guild.id(), user.id(), STATUSES[random.nextInt(STATUSES.length)]);
    } else if (kind < 90) {
      return FakeEvents.messageReactionAdd(
          guild.id(), channelId, Snowflakes.next(), user.id(), EMOJIS[random.nextInt(4)]);
    } else {
      return FakeEvents.guildMemberUpdate(guild.id(), user, WORDS[random.nextInt(WORDS.length)]);
    }
  }

  /** Returns {@code count} random events (for a {@link PreparedStream}). */
  public List<FakeDispatch> events(int count) {
    List<FakeDispatch> events = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      events.add(next());
    }
    return events;
  }

  /**
   * Sends {@code count} events as fast as the clients read them (at most a few hundred unwritten
   * per connection); returns how many deliveries were made (an event filtered out by a session's
   * intents, or whose shard has no session, is not delivered).
   */
  public int send(int count) {
    return send(count, 0);
  }

  /** Sends {@code count} events at {@code perSecond} (0 or less: as fast as possible). */
  public int send(int count, double perSecond) {
    long interval = perSecond > 0 ? (long) (1_000_000_000L / perSecond) : 0;
    long next = System.nanoTime();
    int delivered = 0;
    ArrayDeque<CompletableFuture<Void>> inFlight = new ArrayDeque<>();
    List<CompletableFuture<Void>> tracker = new ArrayList<>();
    for (int i = 0; i < count && !Thread.currentThread().isInterrupted(); i++) {
      if (interval > 0) {
        long wait = next - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        next += interval;
      }
      tracker.clear();
      delivered += state.route(next(), tracker);
      inFlight.addAll(tracker);
      while (inFlight.size() > IN_FLIGHT) {
        await(inFlight.pollFirst());
      }
    }
    while (!inFlight.isEmpty()) {
      await(inFlight.pollFirst());
    }
    return delivered;
  }

  /** Sends events at {@code perSecond} on a daemon thread until the handle is closed. */
  public Running start(double perSecond) {
    if (perSecond <= 0) {
      throw new IllegalArgumentException("perSecond must be positive");
    }
    Thread thread =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                send(1, 0);
                LockSupport.parkNanos((long) (1_000_000_000L / perSecond));
              }
            },
            "fake-discord-traffic");
    thread.setDaemon(true);
    thread.start();
    return new Running(thread);
  }

  private static void await(CompletableFuture<Void> future) {
    try {
      future.get(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      log.debug("Traffic write did not complete: {}", e.toString());
    }
  }

  private String sentence() {
    int words = 3 + random.nextInt(12);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words; i++) {
      if (i > 0) {
        sb.append(' ');
      }
      sb.append(WORDS[random.nextInt(WORDS.length)]);
    }
    return sb.toString();
  }

  /** A background traffic stream; {@link #close()} stops it. */
  public static final class Running implements AutoCloseable {
    private final Thread thread;

    private Running(Thread thread) {
      this.thread = thread;
    }

    /** Stops the stream and waits up to a second for the thread to end. */
    @Override
    public void close() {
      thread.interrupt();
      try {
        thread.join(Duration.ofSeconds(1).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
