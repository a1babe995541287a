package io.github.discordgateway.core.shard;

import io.github.discordgateway.core.codec.GatewayJson;
import io.github.discordgateway.core.codec.RawJson;
import io.github.discordgateway.core.event.DeliveryQueue;
import io.github.discordgateway.core.event.FlowControl;
import io.github.discordgateway.core.event.GatewayEventListener;
import io.github.discordgateway.core.event.ShardDispatch;
import io.github.discordgateway.core.event.ShardEvent;
import io.github.discordgateway.core.protocol.EventType;
import io.github.discordgateway.core.protocol.ReadySession;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * The delivery side of a shard: its bounded {@link DeliveryQueue}, the listener calls and the guild
 * bookkeeping. The guild set is only touched by deliveries, which run one at a time, so it is kept
 * on that one thread of control: READY resets it, GUILD_CREATE and GUILD_DELETE change it.
 */
final class ShardDelivery {

  private static final Logger log = LoggerFactory.getLogger(Shard.class);

  private final int id;
  private final String name;
  private final ShardContext context;
  private final GatewayEventListener listener;
  private final DeliveryQueue<ShardEvent> queue;
  private final Set<Long> guilds = new HashSet<>();
  private volatile int guildCount;
  private final int overflowLimit;
  // set once the transport reports read ends (ConnectionHandler.onReadComplete); never cleared
  private volatile boolean readEnds;

  ShardDelivery(
      int id,
      String name,
      ShardContext context,
      ShardOptions options,
      GatewayEventListener listener,
      FlowControl flow) {
    this.id = id;
    this.name = name;
    this.context = context;
    this.listener = listener;
    int capacity = options.eventQueueCapacity();
    this.overflowLimit = Math.max(capacity * 4, capacity + 256);
    this.queue =
        new DeliveryQueue<>(
            context.deliveryExecutor(),
            this::deliver,
            this::failed,
            flow,
            options.eventQueueCapacity(),
            options.deliveryBatchSize());
  }

  /**
   * Queues an event. Once the transport has reported where its reads end ({@link #readEnded()}),
   * dispatches (which only ever come from a read) wait for the end of their read and go to the
   * delivery threads together; everything else, and every dispatch of a transport that never
   * reports read ends, starts delivery at once.
   */
  void offer(ShardEvent event) {
    if (readEnds && event instanceof ShardDispatch) {
      queue.offerDeferred(event);
    } else {
      queue.offer(event);
    }
  }

  /**
   * The transport handed over every message of one read: deliver the dispatches they brought. Runs
   * on the shard's serial executor, after the messages of that read were handled.
   */
  void readEnded() {
    if (!readEnds) {
      readEnds = true;
    }
    queue.flush();
  }

  /** Starts delivering whatever waits (a closed connection's last dispatches). */
  void flush() {
    queue.flush();
  }

  int size() {
    return queue.size();
  }

  boolean paused() {
    return queue.paused();
  }

  /**
   * Returns the backlog at which the shard stops trusting the transport to pause reading: a
   * transport that pauses stops within a few messages of the capacity; one that cannot pause runs
   * far past it, and the shard then closes the connection (resumably) instead of buffering without
   * bound.
   */
  int overflowLimit() {
    return overflowLimit;
  }

  int guildCount() {
    return guildCount;
  }

  private void deliver(ShardEvent event) {
    if (event instanceof ShardDispatch dispatch) {
      trackGuilds(dispatch);
      ShardObserver observer = context.observer();
      if (observer == ShardObserver.NONE) {
        listener.onEvent(event);
        return;
      }
      long start = System.nanoTime();
      boolean failed = false;
      try {
        listener.onEvent(event);
      } catch (RuntimeException | Error ex) {
        failed = true;
        throw ex;
      } finally {
        observer.dispatchDelivered(id, dispatch.type(), System.nanoTime() - start, failed);
      }
    } else {
      listener.onEvent(event);
    }
  }

  private void failed(ShardEvent event, Throwable error) {
    if (event instanceof ShardDispatch dispatch) {
      log.error(
          "{} listener failed on {} (seq {}); continuing with the next event",
          name,
          dispatch.type(),
          dispatch.sequence(),
          error);
    } else {
      log.error(
          "{} listener failed on {}; continuing", name, event.getClass().getSimpleName(), error);
    }
  }

  private void trackGuilds(ShardDispatch dispatch) {
    EventType type = dispatch.eventType();
    if (type == null || dispatch.data() == null) {
      return;
    }
    switch (type) {
      case READY -> {
        guilds.clear();
        try {
          guilds.addAll(dispatch.data().decode(ReadySession.class).guildIds());
        } catch (RuntimeException ex) {
          log.debug("{} READY guilds unreadable: {}", name, ex.toString());
        }
      }
      case GUILD_CREATE -> {
        long guildId = topLevelId(dispatch.data());
        if (guildId != 0) {
          guilds.add(guildId);
        }
      }
      case GUILD_DELETE -> {
        // GUILD_DELETE is tiny: one tree answers both questions (removed? which guild?)
        JsonNode tree = safeTree(dispatch.data());
        if (tree != null && !tree.has("unavailable")) {
          guilds.remove(snowflake(tree.path("id")));
        }
      }
      default -> {
        return;
      }
    }
    guildCount = guilds.size();
  }

  private static JsonNode safeTree(RawJson data) {
    try {
      return data.tree();
    } catch (RuntimeException ex) {
      return null;
    }
  }

  private static long snowflake(JsonNode id) {
    try {
      return id.isNumber() ? id.asLong() : Long.parseUnsignedLong(id.asString());
    } catch (RuntimeException ex) {
      return 0;
    }
  }

  /** Reads the top-level {@code id} without building the tree (GUILD_CREATE can be megabytes). */
  private static long topLevelId(RawJson data) {
    try (JsonParser parser = GatewayJson.mapper().createParser(data.bytes())) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return 0;
      }
      JsonToken token;
      while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if ("id".equals(field)) {
          return value == JsonToken.VALUE_NUMBER_INT
              ? parser.getLongValue()
              : Long.parseUnsignedLong(parser.getString());
        }
        parser.skipChildren();
      }
      return 0;
    } catch (RuntimeException ex) {
      return 0;
    }
  }
}
