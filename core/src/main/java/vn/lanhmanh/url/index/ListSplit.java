package vn.lanhmanh.url.index;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The fixed split of a public list into a "build" part (four fifths) and a "held-out" part (one fifth),
 * by a seeded hash of the entry's host: the default lists shipped in the jar are compiled from the build
 * part only, and the URL heuristics are measured on the held-out part, which nobody reads while writing
 * them. The rule: the host of the entry (before the first {@code /}), lower-cased, without a leading
 * {@code www.}, hashed with Murmur3-128 (Guava, seed {@link #SEED}) over its UTF-8 bytes; the entry is
 * held out when the first 64 bits modulo 5 are 0. All entries of one host fall on the same side.
 *
 * <p>Stateless; thread-safe.
 */
@vn.lanhmanh.internal.JvmOnly("URL lists: CRC32C, InputStream.readAllBytes, Math.floorMod(long, int)")
public final class ListSplit {

  /** The seed of the split's hash (the date the split was fixed, 2026-12-02). */
  public static final int SEED = 20261202;
  /** One part in this many is held out. */
  public static final int PARTS = 5;

  private static final HashFunction HASH = Hashing.murmur3_128(SEED);

  private ListSplit() {}

  /** The host that decides the side of {@code entry} ({@code www.a.com/x} → {@code a.com}). */
  public static String host(String entry) {
    int slash = entry.indexOf('/');
    String h = (slash < 0 ? entry : entry.substring(0, slash)).toLowerCase(Locale.ROOT);
    return h.startsWith("www.") ? h.substring(4) : h;
  }

  /** Whether {@code entry} (a host or host/path) is in the held-out fifth. */
  public static boolean isHeldOut(String entry) {
    return Math.floorMod(HASH.hashString(host(entry), StandardCharsets.UTF_8).asLong(), PARTS) == 0;
  }
}
