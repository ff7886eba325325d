package vn.lanhmanh.conversation;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The binary form of a {@link WindowState}, for stores outside the filter. Layout, version 3 (versions 1
 * and 2 are still read: version 1 has no rule, its hits come back with rule {@code ""}; neither has a
 * signal, their entries come back with signal NaN and must have a hit):
 * <pre>
 *   version (1 byte = 3)
 *   seq (varint) · newest (0 = none | 1, seconds zigzag-varint, nanos varint) · alerted (0|1)
 *   entries (varint ≤ {@value ConversationWindow#MAX_MESSAGES}), each:
 *     seq (varint) · messageId (string ≤ {@value ConversationMonitor#MAX_MESSAGE_ID_CHARS})
 *     · seconds (zigzag-varint) · nanos (varint) · fromChild (0|1)
 *     · signal (8-byte IEEE double: NaN, or in [0, 1]; not in versions 1 and 2)
 *     hits (varint ≤ {@link ConversationMonitor#MAX_HITS_PER_MESSAGE}; 0 only with a signal), each:
 *       stage ordinal (1 byte) · weight (8-byte IEEE double) · start (varint) · end (varint)
 *       · match (string ≤ {@value ConversationMonitor#MAX_MATCH_CHARS}) · lowered (0|1)
 *       · rule (string ≤ {@value #MAX_RULE_CHARS}; not in version 1)
 *   CRC-32 of every byte before it (4 bytes, big-endian)
 * </pre>
 * A string is its UTF-16 length (varint) and each UTF-16 unit as a varint, so any Java string, lone
 * surrogates included, comes back exactly; ASCII takes a byte a character and Vietnamese letters two.
 * Varints are unsigned LEB128 (7 bits a byte, at most 10 bytes).
 *
 * <p>{@link #decode} checks everything it reads: the version, the checksum, every count against its
 * bound and against the bytes left, stage ordinals, offsets, weights, times, flags and that nothing follows
 * the checksum. Anything else is an {@link IllegalArgumentException} that says what is wrong; it never
 * returns a state that was not written. Stateless and thread-safe.
 */
public final class WindowStateCodec {

  /** The version written by {@link #encode}; {@link #decode} reads it and versions 1 and 2. */
  public static final int VERSION = 3;
  /** The longest rule a hit may carry (a stage phrase's rule id or a stage rule's concepts). */
  public static final int MAX_RULE_CHARS = 256;

  private WindowStateCodec() {}

  /** The bytes of {@code state}. */
  public static byte[] encode(WindowState state) {
    Out out = new Out();
    out.write(VERSION);
    out.varint(state.seq());
    if (state.newest().equals(Instant.MIN)) {
      out.write(0);
    } else {
      out.write(1);
      out.instant(state.newest());
    }
    out.bool(state.alerted());
    out.varint(state.entries().size());
    for (WindowState.Entry e : state.entries()) {
      out.varint(e.seq());
      out.string(e.messageId());
      out.instant(e.time());
      out.bool(e.fromChild());
      out.fixed64(Double.doubleToLongBits(e.signal()));
      out.varint(e.hits().size());
      for (StageMatcher.Hit h : e.hits()) {
        out.write(h.stage().ordinal());
        out.fixed64(Double.doubleToLongBits(h.weight()));
        out.varint(h.start());
        out.varint(h.end());
        out.string(h.match());
        out.bool(h.lowered());
        out.string(h.rule());
      }
    }
    CRC32 crc = new CRC32();
    crc.update(out.buf(), 0, out.size());
    int c = (int) crc.getValue();
    out.write(c >>> 24);
    out.write(c >>> 16);
    out.write(c >>> 8);
    out.write(c);
    return out.toByteArray();
  }

  /**
   * The state written as {@code bytes}.
   *
   * @throws IllegalArgumentException if the bytes are not a state of a version this code reads, or are
   *     damaged; the message says which
   */
  public static WindowState decode(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw corrupt("no bytes");
    }
    int version = bytes[0] & 0xFF;
    if (version < 1 || version > VERSION) {
      throw new IllegalArgumentException("conversation state version " + version
          + " is not supported (this version reads versions 1 to " + VERSION + ")");
    }
    if (bytes.length < 1 + 4) {
      throw corrupt("too short (" + bytes.length + " bytes)");
    }
    int body = bytes.length - 4;
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, body);
    int stored = ((bytes[body] & 0xFF) << 24) | ((bytes[body + 1] & 0xFF) << 16) | ((bytes[body + 2] & 0xFF) << 8)
        | (bytes[body + 3] & 0xFF);
    if (stored != (int) crc.getValue()) {
      throw corrupt("checksum mismatch");
    }
    In in = new In(bytes, 1, body);
    long seq = in.varint("seq");
    if (seq < 0) {
      throw corrupt("negative message count");
    }
    int hasNewest = in.flag("newest");
    Instant newest = hasNewest == 1 ? in.instant("newest") : Instant.MIN;
    boolean alerted = in.flag("alerted") == 1;
    int count = in.count("entries", ConversationWindow.MAX_MESSAGES);
    List<WindowState.Entry> entries = new ArrayList<>(count);
    long previous = 0;
    Stage[] stages = Stage.values();
    for (int i = 0; i < count; i++) {
      long s = in.varint("entry seq");
      if (s <= previous || s > seq) {
        throw corrupt("entry " + i + " has message number " + s + " out of order or past " + seq);
      }
      previous = s;
      String messageId = in.string("messageId", ConversationMonitor.MAX_MESSAGE_ID_CHARS);
      Instant time = in.instant("time");
      boolean fromChild = in.flag("fromChild") == 1;
      double signal = version < 3 ? Double.NaN : Double.longBitsToDouble(in.fixed64("signal"));
      if (!Double.isNaN(signal) && !(signal >= 0 && signal <= 1)) {
        throw corrupt("signal " + signal + " outside [0, 1]");
      }
      int hitCount = in.count("hits", ConversationMonitor.MAX_HITS_PER_MESSAGE);
      if (hitCount == 0 && Double.isNaN(signal)) {
        throw corrupt("entry " + i + " has no stage phrase and no signal");
      }
      List<StageMatcher.Hit> hits = new ArrayList<>(hitCount);
      for (int j = 0; j < hitCount; j++) {
        int ordinal = in.u8("stage");
        if (ordinal >= stages.length) {
          throw corrupt("unknown stage ordinal " + ordinal);
        }
        double weight = Double.longBitsToDouble(in.fixed64("weight"));
        if (!(weight >= 0 && weight <= 1)) {
          throw corrupt("weight " + weight + " outside [0, 1]");
        }
        long start = in.varint("start");
        long end = in.varint("end");
        if (start > end || end > Integer.MAX_VALUE) {
          throw corrupt("offsets " + start + ".." + end);
        }
        String match = in.string("match", ConversationMonitor.MAX_MATCH_CHARS);
        boolean lowered = in.flag("lowered") == 1;
        String rule = version == 1 ? "" : in.string("rule", MAX_RULE_CHARS);
        hits.add(new StageMatcher.Hit(stages[ordinal], weight, (int) start, (int) end, match, lowered, rule));
      }
      entries.add(new WindowState.Entry(s, messageId, time, fromChild, hits, signal));
    }
    if (in.pos != body) {
      throw corrupt((body - in.pos) + " unexpected bytes after the entries");
    }
    return new WindowState(seq, newest, alerted, entries);
  }

  private static IllegalArgumentException corrupt(String why) {
    return new IllegalArgumentException("corrupt conversation state: " + why);
  }

  /** A growable byte buffer (not synchronized: one per {@link #encode} call). */
  private static final class Out {

    private byte[] buf = new byte[256];
    private int size;

    byte[] buf() {
      return buf;
    }

    int size() {
      return size;
    }

    byte[] toByteArray() {
      return Arrays.copyOf(buf, size);
    }

    void write(int b) {
      if (size == buf.length) {
        buf = Arrays.copyOf(buf, buf.length * 2);
      }
      buf[size++] = (byte) b;
    }

    void bool(boolean b) {
      write(b ? 1 : 0);
    }

    void varint(long v) {
      while ((v & ~0x7FL) != 0) {
        write((int) ((v & 0x7F) | 0x80));
        v >>>= 7;
      }
      write((int) v);
    }

    void fixed64(long v) {
      for (int shift = 56; shift >= 0; shift -= 8) {
        write((int) (v >>> shift));
      }
    }

    void instant(Instant t) {
      long s = t.getEpochSecond();
      varint((s << 1) ^ (s >> 63));
      varint(t.getNano());
    }

    void string(String s) {
      varint(s.length());
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c < 0x80) {
          write(c);
        } else {
          varint(c);
        }
      }
    }
  }

  /** A bounds-checked reader over {@code bytes[pos, end)}. */
  private static final class In {

    private final byte[] bytes;
    private final int end;
    private int pos;

    In(byte[] bytes, int pos, int end) {
      this.bytes = bytes;
      this.pos = pos;
      this.end = end;
    }

    int u8(String field) {
      if (pos >= end) {
        throw corrupt("ends inside " + field);
      }
      return bytes[pos++] & 0xFF;
    }

    int flag(String field) {
      int b = u8(field);
      if (b > 1) {
        throw corrupt(field + " flag is " + b);
      }
      return b;
    }

    long varint(String field) {
      long v = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        int b = u8(field);
        if (shift == 63 && b > 1) {
          break;
        }
        v |= (long) (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          return v;
        }
      }
      throw corrupt(field + " is not a valid varint");
    }

    long fixed64(String field) {
      long v = 0;
      for (int i = 0; i < 8; i++) {
        v = (v << 8) | u8(field);
      }
      return v;
    }

    int count(String field, int max) {
      long n = varint(field);
      if (n < 0 || n > max) {
        throw corrupt(field + " count " + n + " exceeds " + max);
      }
      return (int) n;
    }

    Instant instant(String field) {
      long z = varint(field);
      long seconds = (z >>> 1) ^ -(z & 1);
      long nanos = varint(field);
      if (nanos < 0 || nanos > 999_999_999) {
        throw corrupt(field + " nanoseconds " + nanos);
      }
      try {
        return Instant.ofEpochSecond(seconds, nanos);
      } catch (DateTimeException e) {
        throw corrupt(field + " out of range");
      }
    }

    String string(String field, int max) {
      long n = varint(field);
      if (n < 0 || n > max) {
        throw corrupt(field + " length " + n + " exceeds " + max);
      }
      if (n > end - pos) {   // every unit takes at least one byte
        throw corrupt(field + " length " + n + " exceeds the bytes left");
      }
      char[] c = new char[(int) n];
      for (int i = 0; i < c.length; i++) {
        long u = varint(field);
        if (u < 0 || u > Character.MAX_VALUE) {
          throw corrupt(field + " has a character out of range");
        }
        c[i] = (char) u;
      }
      return new String(c);
    }
  }
}
