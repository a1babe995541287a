package io.github.discordgateway.sample.bot;

import io.github.discordgateway.autoconfigure.event.MessageCreateEvent;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Counts the messages the bot saw, in total and per guild. */
@Component
public class MessageStats {

  private final LongAdder total = new LongAdder();
  private final Map<Long, LongAdder> perGuild = new ConcurrentHashMap<>();

  @EventListener
  void onMessage(MessageCreateEvent event) {
    total.increment();
    Long guildId = event.guildId();
    if (guildId != null) {
      perGuild.computeIfAbsent(guildId, id -> new LongAdder()).increment();
    }
  }

  /** Returns how many messages the bot saw since it started. */
  public long total() {
    return total.sum();
  }

  /** Returns the messages seen per guild id. */
  public Map<Long, Long> perGuild() {
    return perGuild.entrySet().stream()
        .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> e.getValue().sum()));
  }

  /** Returns the guild with the most messages and its count, if any message was seen. */
  public Optional<Map.Entry<Long, Long>> busiestGuild() {
    return perGuild().entrySet().stream().max(Comparator.comparingLong(Map.Entry::getValue));
  }
}
