package io.github.discordgateway.core.model.json;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/** Reads a presence-encoded boolean: see {@link PresenceFlag}. */
public final class PresenceFlagDeserializer extends ValueDeserializer<Boolean> {

  @Override
  public Boolean deserialize(JsonParser p, DeserializationContext ctxt) {
    JsonToken token = p.currentToken();
    if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
      return token == JsonToken.VALUE_TRUE;
    }
    // Discord only sends null here; any other value still means "the key is present".
    p.skipChildren();
    return Boolean.TRUE;
  }

  @Override
  public Object getNullValue(DeserializationContext ctxt) {
    return Boolean.TRUE;
  }

  @Override
  public Object getAbsentValue(DeserializationContext ctxt) {
    return Boolean.FALSE;
  }

  @Override
  public Class<?> handledType() {
    return Boolean.class;
  }
}
