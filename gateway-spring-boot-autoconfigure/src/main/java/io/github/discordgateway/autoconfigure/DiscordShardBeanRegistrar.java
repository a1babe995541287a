package io.github.discordgateway.autoconfigure;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.shard.Shard;
import io.github.discordgateway.core.shard.ShardManager;
import java.util.List;
import org.springframework.beans.factory.BeanRegistrar;
import org.springframework.beans.factory.BeanRegistry;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Registers one {@link Shard} bean per shard of this process ({@code discordShard0}, {@code
 * discordShard1}, ...) when the shard total is a fixed number. Each comes from the {@link
 * ShardManager} after {@link ShardManager#prepare()}, which creates the shards without connecting
 * them. With {@code shards.total: auto} the count is only known after asking Discord, so no shard
 * beans are registered; use {@link ShardManager#shards()}.
 */
final class DiscordShardBeanRegistrar implements BeanRegistrar {

  /** Prefix of the shard bean names. */
  static final String BEAN_NAME_PREFIX = "discordShard";

  @Override
  public void register(BeanRegistry registry, Environment environment) {
    DiscordGatewayProperties.Shards shards =
        Binder.get(environment)
            .bind("discord.gateway.shards", DiscordGatewayProperties.Shards.class)
            .orElseGet(DiscordGatewayProperties.Shards::new);
    List<Integer> ids;
    try {
      ids = GatewayPropertiesMapper.fixedShardIds(shards);
    } catch (DiscordGatewayConfigurationException ex) {
      // reported with a failure analysis when the shard manager is created
      return;
    }
    if (ids == null) {
      return;
    }
    for (int id : ids) {
      registry.registerBean(
          BEAN_NAME_PREFIX + id,
          Shard.class,
          spec ->
              spec.description("Discord gateway shard " + id)
                  .supplier(
                      context -> {
                        ShardManager manager = context.bean(ShardManager.class);
                        manager.prepare();
                        return manager
                            .shard(id)
                            .orElseThrow(
                                () ->
                                    new GatewayException(
                                        GatewayException.Kind.INVALID_SHARD,
                                        "Shard "
                                            + id
                                            + " is not run by the shard manager (it runs "
                                            + manager.shardIds()
                                            + ")"));
                      }));
    }
  }
}
