package io.github.discordgateway.core.codec.internal;

/** The External Term Format version byte and the tags of the terms Discord sends and reads. */
final class EtfTags {

  static final int VERSION = 131;
  static final int NEW_FLOAT_EXT = 70;
  static final int COMPRESSED = 80;
  static final int SMALL_INTEGER_EXT = 97;
  static final int INTEGER_EXT = 98;
  static final int FLOAT_EXT = 99;
  static final int ATOM_EXT = 100;
  static final int SMALL_TUPLE_EXT = 104;
  static final int LARGE_TUPLE_EXT = 105;
  static final int NIL_EXT = 106;
  static final int STRING_EXT = 107;
  static final int LIST_EXT = 108;
  static final int BINARY_EXT = 109;
  static final int SMALL_BIG_EXT = 110;
  static final int LARGE_BIG_EXT = 111;
  static final int SMALL_ATOM_EXT = 115;
  static final int MAP_EXT = 116;
  static final int ATOM_UTF8_EXT = 118;
  static final int SMALL_ATOM_UTF8_EXT = 119;

  private EtfTags() {}
}
