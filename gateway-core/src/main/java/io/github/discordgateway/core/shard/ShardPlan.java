package io.github.discordgateway.core.shard;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.protocol.SessionStartLimit;
import io.github.discordgateway.core.rest.internal.GatewayBot;
import io.github.discordgateway.core.rest.internal.GatewayDiscovery;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shard layout of one process: what was configured, completed by {@code GET /gateway/bot} when
 * the shard count is {@code auto} or no gateway URL is set.
 *
 * @param url the gateway URL identify connections go to
 * @param total the bot's total shard count
 * @param ids the shard ids this process runs, ascending
 * @param maxConcurrency the identify buckets
 * @param sessionStartLimit the quota Discord reported, or {@code null} when it was not asked
 */
record ShardPlan(
    String url,
    int total,
    List<Integer> ids,
    int maxConcurrency,
    SessionStartLimit sessionStartLimit) {

  private static final Logger log = LoggerFactory.getLogger(ShardManager.class);

  /**
   * Works out the layout, asking Discord only when the configuration leaves something open.
   *
   * @throws GatewayException for a rejected token, an unreachable REST endpoint or invalid ids
   */
  static ShardPlan resolve(ShardManagerConfig config) {
    String url = config.gatewayUrl();
    Integer total = config.totalShards();
    int concurrency = config.maxConcurrency();
    SessionStartLimit limit = null;
    if (total == null || url == null) {
      GatewayBot bot =
          new GatewayDiscovery(config.apiUrl(), config.restTimeout(), config.restMaxWait())
              .gatewayBot(config.settings().token());
      if (total == null) {
        total = bot.shards();
      }
      if (url == null) {
        url = bot.url();
      }
      limit = bot.sessionStartLimit();
      concurrency = Math.max(1, limit.maxConcurrency());
      log.info(
          "Discord recommends {} shards; session starts remaining {}/{}, max_concurrency {}",
          bot.shards(),
          limit.remaining(),
          limit.total(),
          limit.maxConcurrency());
    }
    List<Integer> ids;
    try {
      ids = ShardIds.parse(config.shardIds(), total);
    } catch (IllegalArgumentException ex) {
      throw new GatewayException(GatewayException.Kind.INVALID_SHARD, ex.getMessage(), ex);
    }
    return new ShardPlan(url, total, ids, concurrency, limit);
  }
}
