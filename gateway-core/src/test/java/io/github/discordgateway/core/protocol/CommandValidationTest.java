package io.github.discordgateway.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.discordgateway.core.GatewayException;
import io.github.discordgateway.core.codec.PayloadEncoder;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CommandValidationTest {

  private static void assertInvalid(ThrowingCallable call, String messagePart) {
    assertThatThrownBy(call)
        .isInstanceOf(GatewayException.class)
        .hasMessageContaining(messagePart)
        .extracting(t -> ((GatewayException) t).kind())
        .isEqualTo(GatewayException.Kind.INVALID_COMMAND);
  }

  @Test
  @DisplayName("15.7 identify content: large_threshold must be 50-250 and shard 0 <= id < count")
  void identifyValidation() {
    ConnectionProperties props = new ConnectionProperties("linux", "lib", "lib");
    assertInvalid(() -> new Identify("t", props, null, 49, null, null, 1), "large_threshold");
    assertInvalid(() -> new Identify("t", props, null, 251, null, null, 1), "large_threshold");
    assertInvalid(() -> new ShardInfo(2, 2), "0 <= id < count");
    assertInvalid(() -> new ShardInfo(-1, 2), "0 <= id < count");
    assertInvalid(() -> new ShardInfo(0, 0), "0 <= id < count");
    assertInvalid(() -> new Identify(" ", props, null, null, null, null, 1), "token");
    Identify ok = new Identify("t", props, null, 50, new ShardInfo(1, 2), null, 513);
    String json = PayloadEncoder.encode(Opcode.IDENTIFY, ok);
    assertThat(json)
        .contains("\"large_threshold\":50")
        .contains("\"shard\":[1,2]")
        .contains("\"properties\":{\"os\":\"linux\",\"browser\":\"lib\",\"device\":\"lib\"}")
        .doesNotContain("presence")
        .doesNotContain("compress");
  }

  @Test
  @DisplayName("Identify and Resume print the token as <redacted>")
  void tokenRedacted() {
    String token = "very-secret-token-123";
    Identify identify =
        new Identify(token, ConnectionProperties.defaults(), null, null, null, null, 1);
    Resume resume = new Resume(token, "session", 5);
    assertThat(identify.toString()).contains("<redacted>").doesNotContain(token);
    assertThat(resume.toString()).contains("<redacted>").doesNotContain(token);
    assertThat(PayloadEncoder.encode(Opcode.RESUME, resume))
        .isEqualTo(
            "{\"op\":6,\"d\":{\"token\":\"" + token + "\",\"session_id\":\"session\",\"seq\":5}}");
  }

  @Test
  @DisplayName("15.29 request guild members: exactly one of query and user_ids")
  void requestGuildMembersQueryXorIds() {
    assertInvalid(
        () -> new RequestGuildMembers(1, "a", 1, null, List.of(2L), null), "not both or neither");
    assertInvalid(
        () -> new RequestGuildMembers(1, null, null, null, null, null), "not both or neither");
    assertInvalid(() -> RequestGuildMembers.byUserIds(1, List.of()), "at least one user id");
  }

  @Test
  @DisplayName("15.29 request guild members: limit is required with a query and not negative")
  void requestGuildMembersLimit() {
    assertInvalid(() -> new RequestGuildMembers(1, "ab", null, null, null, null), "limit");
    assertInvalid(() -> RequestGuildMembers.byQuery(1, "ab", -1), "negative");
  }

  @Test
  @DisplayName("15.29 request guild members: nonce at most 32 bytes in UTF-8")
  void requestGuildMembersNonce() {
    RequestGuildMembers base = RequestGuildMembers.allMembers(41771983444115456L);
    assertThat(base.withNonce("n".repeat(32)).nonce()).hasSize(32);
    assertInvalid(() -> base.withNonce("n".repeat(33)), "32 bytes");
    assertInvalid(() -> base.withNonce("é".repeat(17)), "34");
    GatewayException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            GatewayException.class, () -> base.withNonce("x".repeat(40)));
    assertThat(e.opcode()).isEqualTo(Opcode.REQUEST_GUILD_MEMBERS);
  }

  @Test
  @DisplayName("request guild members encodes snowflakes as strings, snake_case keys")
  void requestGuildMembersWire() {
    assertThat(PayloadEncoder.encode(RequestGuildMembers.allMembers(41771983444115456L)))
        .isEqualTo(
            "{\"op\":8,\"d\":{\"guild_id\":\"41771983444115456\",\"query\":\"\",\"limit\":0}}");
    assertThat(
            PayloadEncoder.encode(
                RequestGuildMembers.byUserIds(5, List.of(7L, 8L))
                    .withPresences(true)
                    .withNonce("req-1")))
        .isEqualTo(
            "{\"op\":8,\"d\":{\"guild_id\":\"5\",\"presences\":true,"
                + "\"user_ids\":[\"7\",\"8\"],\"nonce\":\"req-1\"}}");
  }

  @Test
  @DisplayName("update presence validates the status and encodes activities")
  void presence() {
    assertInvalid(() -> UpdatePresence.of("busy"), "online, dnd, idle, invisible, offline");
    assertInvalid(() -> PresenceStatus.of(null), "online");
    assertThat(PresenceStatus.of(" DND ")).isEqualTo(PresenceStatus.DND);
    assertInvalid(() -> BotActivity.playing(" "), "name");
    assertInvalid(
        () -> new BotActivity("x", BotActivityType.PLAYING, null, "https://twitch.tv/a"),
        "STREAMING");
    assertInvalid(
        () -> new BotActivity("x", BotActivityType.STREAMING, null, "https://example.com/a"),
        "twitch");
    String json =
        PayloadEncoder.encode(
            new UpdatePresence(
                91879201L,
                List.of(
                    BotActivity.playing("Save the Oxford Comma"),
                    BotActivity.custom("I am cool"),
                    new BotActivity("s", BotActivityType.STREAMING, null, "https://twitch.tv/x")),
                PresenceStatus.IDLE,
                true));
    assertThat(json)
        .isEqualTo(
            "{\"op\":3,\"d\":{\"since\":91879201,\"activities\":["
                + "{\"name\":\"Save the Oxford Comma\",\"type\":0},"
                + "{\"name\":\"Custom Status\",\"type\":4,\"state\":\"I am cool\"},"
                + "{\"name\":\"s\",\"type\":1,\"url\":\"https://twitch.tv/x\"}],"
                + "\"status\":\"idle\",\"afk\":true}}");
  }

  @Test
  @DisplayName("voice state, soundboard and channel info commands encode and validate")
  void otherCommands() {
    assertThat(PayloadEncoder.encode(new UpdateVoiceState(1, 2L, true, false)))
        .isEqualTo(
            "{\"op\":4,\"d\":{\"guild_id\":\"1\",\"channel_id\":\"2\",\"self_mute\":true,"
                + "\"self_deaf\":false}}");
    assertThat(PayloadEncoder.encode(UpdateVoiceState.leave(1))).contains("\"channel_id\":null");
    assertThat(PayloadEncoder.encode(new RequestSoundboardSounds(List.of(613425648685547541L))))
        .isEqualTo("{\"op\":31,\"d\":{\"guild_ids\":[\"613425648685547541\"]}}");
    assertInvalid(() -> new RequestSoundboardSounds(List.of()), "at least one guild");
    assertThat(PayloadEncoder.encode(RequestChannelInfo.all(9)))
        .isEqualTo(
            "{\"op\":43,\"d\":{\"guild_id\":\"9\",\"fields\":[\"status\",\"voice_start_time\"]}}");
    assertInvalid(() -> new RequestChannelInfo(9, List.of()), "at least one field");
    assertInvalid(() -> new RequestChannelInfo(9, List.of(" ")), "blank");
  }

  @Test
  @DisplayName("every command opcode is one a client may send")
  void commandOpcodesAreSendable() {
    List<GatewayCommand> commands =
        List.of(
            UpdatePresence.of("online"),
            UpdateVoiceState.leave(1),
            RequestGuildMembers.allMembers(1),
            new RequestSoundboardSounds(List.of(1L)),
            RequestChannelInfo.all(1));
    assertThat(commands).allMatch(c -> c.opcode().clientSends());
  }
}
