package io.github.discordgateway.core.codec.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.io.ContentReference;
import tools.jackson.core.io.IOContext;
import tools.jackson.core.json.JsonReadContext;
import tools.jackson.core.json.UTF8StreamJsonParser;
import tools.jackson.core.sym.ByteQuadsCanonicalizer;
import tools.jackson.core.util.BufferRecycler;

/**
 * A Jackson parser of UTF-8 bytes that one thread points at one byte array after another, so that a
 * typed decode does not pay Jackson's per-parser set-up (I/O context, buffers, symbol table child,
 * read context: about 900 B and a microsecond per decode). It keeps its own buffers and its own
 * table of property names, never released to the factory; a table grown past {@link #MAX_NAMES}
 * names (a stream of payloads with ever new keys) retires the parser.
 *
 * <p>Virtual threads get no parser (they come and go too often to reuse one). Errors it reports
 * name no source; the callers decode again with a fresh parser of Jackson's when a decode fails, so
 * that what users see is Jackson's own error.
 */
public final class ReusableJsonParser extends UTF8StreamJsonParser {

  /** Property names a parser's table may hold before the parser is replaced. */
  static final int MAX_NAMES = 4096;

  private static final byte[] EMPTY = {};
  private static final ByteQuadsCanonicalizer ROOT = ByteQuadsCanonicalizer.createRoot();
  private static final ThreadLocal<ReusableJsonParser[]> PER_THREAD =
      ThreadLocal.withInitial(() -> new ReusableJsonParser[1]);

  // Thread.isVirtual() from Java 21 on, else always false: a virtual thread lives too briefly for a
  // parser of its own to pay off, so it gets none.
  private static final MethodHandle IS_VIRTUAL = isVirtual();

  private final JsonReadContext root;
  private boolean inUse;

  private ReusableJsonParser(TokenStreamFactory factory, IOContext io) {
    super(
        ObjectReadContext.empty(),
        io,
        factory.getStreamReadFeatures(),
        factory.getFormatReadFeatures(),
        null,
        ROOT.makeChild(factory.getFactoryFeatures()),
        EMPTY,
        0,
        0,
        0,
        false);
    this.root = _streamReadContext;
  }

  /**
   * Returns this thread's parser positioned before the first token of {@code utf8}, or {@code null}
   * when the thread's parser is in use (a decode inside a decode): the caller then uses a parser of
   * its own. Give it back with {@link #release()}.
   *
   * @param factory the factory whose features and limits the parser follows
   * @param utf8 one JSON value; kept, not copied, until the next acquire
   * @return the parser, or {@code null}
   */
  public static ReusableJsonParser acquire(TokenStreamFactory factory, byte[] utf8) {
    return acquire(factory, utf8, 0, utf8.length);
  }

  /**
   * Returns this thread's parser positioned before the first token of {@code utf8[offset, end)}, or
   * {@code null} as {@link #acquire(TokenStreamFactory, byte[])} does.
   *
   * @param factory the factory whose features and limits the parser follows
   * @param utf8 the bytes; kept, not copied, until the next acquire
   * @param offset the index of the first byte of the JSON value
   * @param end the index after its last byte
   * @return the parser, or {@code null}
   */
  public static ReusableJsonParser acquire(
      TokenStreamFactory factory, byte[] utf8, int offset, int end) {
    if (virtual()) {
      return null;
    }
    ReusableJsonParser[] slot = PER_THREAD.get();
    ReusableJsonParser parser = slot[0];
    if (parser != null && parser.inUse) {
      return null;
    }
    if (parser == null || parser._symbols.size() > MAX_NAMES) {
      IOContext io =
          new IOContext(
              factory.streamReadConstraints(),
              factory.streamWriteConstraints(),
              factory.errorReportConfiguration(),
              new BufferRecycler(),
              ContentReference.unknown(),
              false,
              JsonEncoding.UTF8);
      parser = new ReusableJsonParser(factory, io);
      slot[0] = parser;
    }
    parser.reset(utf8, offset, end);
    parser.inUse = true;
    return parser;
  }

  /** Gives the parser back to its thread; it keeps no reference to the input's content. */
  public void release() {
    _inputBuffer = EMPTY;
    _inputPtr = 0;
    _inputEnd = 0;
    _textBuffer.resetWithEmpty();
    inUse = false;
  }

  private void reset(byte[] utf8, int offset, int end) {
    _inputBuffer = utf8;
    _inputPtr = offset;
    _inputEnd = end;
    _currInputProcessed = 0;
    _currInputRow = 1;
    _currInputRowStart = 0;
    _tokenInputTotal = 0;
    _tokenInputRow = 1;
    _tokenInputCol = 0;
    _streamReadContext = root.reset(TokenStreamContext.TYPE_ROOT, 1, 0);
    _currToken = null;
    _lastClearedToken = null;
    _nextToken = null;
    _tokenCount = 0;
    _tokenIncomplete = false;
    _nameCopied = false;
    _numTypesValid = NR_UNKNOWN;
    _binaryValue = null;
    _closed = false;
    _textBuffer.resetWithEmpty();
  }

  private static boolean virtual() {
    try {
      return (boolean) IS_VIRTUAL.invokeExact(Thread.currentThread());
    } catch (Throwable e) {
      return true;
    }
  }

  private static MethodHandle isVirtual() {
    try {
      return MethodHandles.publicLookup()
          .findVirtual(Thread.class, "isVirtual", MethodType.methodType(boolean.class));
    } catch (ReflectiveOperationException | RuntimeException e) {
      return MethodHandles.dropArguments(
          MethodHandles.constant(boolean.class, false), 0, Thread.class);
    }
  }

  /** Returns this parser as a plain {@link JsonParser}. */
  public JsonParser asParser() {
    return this;
  }
}
