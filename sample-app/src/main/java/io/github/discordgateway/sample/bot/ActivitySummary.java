package io.github.discordgateway.sample.bot;

import io.github.discordgateway.core.shard.ShardManager;
import io.github.discordgateway.core.shard.ShardStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Logs one line every {@code sample.summary.interval} (10 s by default): events per second (from
 * the starter's {@code discord.gateway.events} counter), shards up, guilds and messages.
 */
@Component
public class ActivitySummary {

  private static final Logger log = LoggerFactory.getLogger(ActivitySummary.class);

  private final MeterRegistry meters;
  private final ShardManager shards;
  private final GuildDirectory guilds;
  private final MessageStats messages;
  private double lastEvents;
  private long lastNanos = System.nanoTime();

  ActivitySummary(
      MeterRegistry meters, ShardManager shards, GuildDirectory guilds, MessageStats messages) {
    this.meters = meters;
    this.shards = shards;
    this.guilds = guilds;
    this.messages = messages;
  }

  @Scheduled(
      fixedRateString = "${sample.summary.interval:10s}",
      initialDelayString = "${sample.summary.interval:10s}")
  void logSummary() {
    log.info("{}", summary());
  }

  /** Returns the summary line and starts the next measuring interval. */
  synchronized String summary() {
    double events =
        meters.find("discord.gateway.events").counters().stream().mapToDouble(Counter::count).sum();
    long now = System.nanoTime();
    double seconds = Math.max(1e-3, (now - lastNanos) / 1e9);
    double rate = (events - lastEvents) / seconds;
    lastEvents = events;
    lastNanos = now;
    long up =
        shards.shards().values().stream()
            .filter(shard -> shard.status() == ShardStatus.CONNECTED)
            .count();
    String busiest =
        messages
            .busiestGuild()
            .map(e -> ", busiest: " + guilds.name(e.getKey()) + " (" + e.getValue() + ")")
            .orElse("");
    return String.format(
        Locale.ROOT,
        "Activity: %.1f events/s, %d/%d shards up, %d guilds, %d messages%s",
        rate,
        up,
        shards.shardIds().size(),
        guilds.size(),
        messages.total(),
        busiest);
  }
}
