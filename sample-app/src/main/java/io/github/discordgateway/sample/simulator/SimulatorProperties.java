package io.github.discordgateway.sample.simulator;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded simulator, under {@code sample.simulator}.
 *
 * @param eventsPerSecond rate of background traffic: messages, typing, presences, reactions and
 *     member updates from the simulated guilds
 * @param extrasInterval interval of the scripted extras, in turn a {@code !ping} message, a member
 *     joining and a {@code /status} slash command
 * @param shards shard count the simulator recommends in {@code GET /gateway/bot}
 * @param heartbeatInterval heartbeat interval the simulator sends in Hello (Discord: about 41 s)
 * @param seed seed of the random traffic, so two runs see the same conversation
 */
@ConfigurationProperties("sample.simulator")
public record SimulatorProperties(
    @DefaultValue("20") double eventsPerSecond,
    @DefaultValue("2s") Duration extrasInterval,
    @DefaultValue("2") int shards,
    @DefaultValue("5s") Duration heartbeatInterval,
    @DefaultValue("42") long seed) {}
