package io.github.discordgateway.core.shard;

import io.github.discordgateway.core.client.GatewaySettings;
import io.github.discordgateway.core.event.GatewayEventListener;
import io.github.discordgateway.core.event.ShardEvent;
import io.github.discordgateway.core.ratelimit.LocalIdentifyLimiter;
import io.github.discordgateway.core.scheduling.ManualScheduler;
import io.github.discordgateway.core.session.InMemorySessionStore;
import io.github.discordgateway.core.session.SessionStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;

/**
 * Shards on virtual time and an in-memory transport: listeners and writes run on the calling
 * thread, timers when the test advances the {@link ManualScheduler}. No sockets, no sleeps. A test
 * fixture, published in gateway-core's test jar with {@link InMemoryTransport} and {@link
 * ManualScheduler} for the other modules' tests.
 */
public final class ShardKit {

  public static final String TOKEN =
      "MTIzNDU2Nzg5MDEyMzQ1Njc4.Gxyz12.SECRET-token-value_abcdefghijklmn";
  public static final BackoffPolicy BACKOFF =
      new BackoffPolicy(Duration.ofSeconds(1), Duration.ofSeconds(60), 2.0, Duration.ofSeconds(60));

  public final ManualScheduler scheduler = new ManualScheduler();
  public final InMemoryTransport transport = new InMemoryTransport();
  public final SessionStore store;
  public final List<ShardEvent> events = Collections.synchronizedList(new ArrayList<>());
  public final GatewayEventListener listener = events::add;
  final ShardContext context;

  public ShardKit() {
    this(new InMemorySessionStore(), Runnable::run);
  }

  public ShardKit(SessionStore store, Executor sendExecutor) {
    this(store, sendExecutor, Runnable::run);
  }

  public ShardKit(SessionStore store, Executor sendExecutor, Executor deliveryExecutor) {
    this.store = store;
    this.context =
        new ShardContext(
            transport,
            scheduler,
            deliveryExecutor,
            scheduler.instantSource(),
            () -> new SplittableRandom(7),
            new LocalIdentifyLimiter(scheduler.instantSource(), scheduler),
            1,
            store,
            "wss://gateway.example",
            ShardObserver.NONE,
            sendExecutor,
            Duration.ofSeconds(30),
            new SessionStartBudget(scheduler.instantSource()));
  }

  public static GatewaySettings settings(int id, int count) {
    return GatewaySettings.builder(TOKEN).intents(513).shard(id, count).build();
  }

  /**
   * Returns a builder of a manager of {@code shards} shards on this kit: a fixed layout (no REST
   * call), virtual time, the kit's transport, store and listener, delivery and writes on the
   * calling thread.
   */
  public ShardManagerBuilder manager(int shards, int maxConcurrency) {
    return ShardManager.builder(settings(0, 1), transport)
        .totalShards(shards)
        .gatewayUrl("wss://gateway.example")
        .maxConcurrency(maxConcurrency)
        .scheduler(scheduler)
        .clock(scheduler.instantSource())
        .random(() -> new SplittableRandom(3))
        .deliveryExecutor(Runnable::run)
        .sendExecutor(Runnable::run)
        .sessionStore(store)
        .identifyLimiter(new LocalIdentifyLimiter(scheduler.instantSource(), scheduler))
        .options(ShardOptions.defaults().withBackoff(BACKOFF))
        .listener(listener);
  }

  /** Returns the id of the shard whose connection {@code link} carries. */
  public static int shardOf(InMemoryTransport.Link link) {
    return ((ShardConnection) link.handler).shardId();
  }

  public Shard shard() {
    return shard(0, 1);
  }

  public Shard shard(int id, int count) {
    return shard(id, count, ShardOptions.defaults().withBackoff(BACKOFF));
  }

  public Shard shard(int id, int count, ShardOptions options) {
    return new Shard(settings(id, count), context, options, listener);
  }

  /** Opens the latest link, says Hello, lets the permit through and answers READY. */
  public InMemoryTransport.Link connect(String sessionId) {
    InMemoryTransport.Link link = transport.last().open();
    link.hello(41_250);
    scheduler.runDue();
    link.ready(1, sessionId);
    return link;
  }

  /** Advances virtual time a second at a time until the shard opens its next connection. */
  public InMemoryTransport.Link nextLink() {
    int before = transport.links.size();
    for (int second = 0; second < 120 && transport.links.size() == before; second++) {
      scheduler.advance(Duration.ofSeconds(1));
    }
    if (transport.links.size() == before) {
      throw new AssertionError("No new connection within 120 s");
    }
    return transport.last();
  }

  public <T extends ShardEvent> List<T> events(Class<T> type) {
    synchronized (events) {
      return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
  }
}
