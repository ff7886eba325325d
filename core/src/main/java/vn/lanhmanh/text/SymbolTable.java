package vn.lanhmanh.text;

import java.util.Arrays;

/**
 * Interns short strings as dense int ids, and looks them up from a slice of a {@code char[]} without
 * allocating. Open addressing with linear probing; each slot is two adjacent longs, the key's hash, length
 * and id, then its first four characters, so a lookup of a key of up to four characters (most syllables)
 * reads one cache line, and a longer one compares only the rest with the shared {@code char[]} pool.
 *
 * <p>Mutable while a lexicon is compiled, read-only afterwards: lookups from many threads are safe once
 * the owning object has been safely published and no more {@link #add} calls are made.
 */
public final class SymbolTable {

  private char[] pool = new char[1024];
  private int poolSize;
  /** Per id: offset in the pool (high 32 bits) and length (low 32 bits). */
  private long[] offLen = new long[64];
  /** Per id: the key as one shared string, so that callers keeping keys do not each hold a copy. */
  private String[] keys = new String[64];
  private int[] hashes = new int[64];
  private int size;
  /**
   * Per slot {@code i}: at {@code 2i} the hash (high 32 bits), the length capped at 255 (8 bits) and id + 1
   * (low 24 bits), 0 for an empty slot; at {@code 2i + 1} the first four characters ({@link #pack}).
   */
  private long[] slots = new long[256];
  private static final int MAX_IDS = (1 << 24) - 1;

  /** Number of distinct keys. */
  public int size() {
    return size;
  }

  /** The id of {@code key}, adding it when new. */
  public int add(CharSequence key) {
    char[] buf = new char[key.length()];
    for (int i = 0; i < buf.length; i++) {
      buf[i] = key.charAt(i);
    }
    int h = hash(buf, 0, buf.length);
    int found = find(buf, 0, buf.length, h);
    if (found >= 0) {
      return found;
    }
    if (size == MAX_IDS) {
      throw new IllegalStateException("more than " + MAX_IDS + " symbols");
    }
    if (size == offLen.length) {
      offLen = Arrays.copyOf(offLen, size * 2);
      keys = Arrays.copyOf(keys, size * 2);
      hashes = Arrays.copyOf(hashes, size * 2);
    }
    while (poolSize + buf.length > pool.length) {
      pool = Arrays.copyOf(pool, pool.length * 2);
    }
    System.arraycopy(buf, 0, pool, poolSize, buf.length);
    offLen[size] = ((long) poolSize << 32) | buf.length;
    keys[size] = new String(buf);
    hashes[size] = h;
    poolSize += buf.length;
    int id = size++;
    if (size * 4 > slots.length) {
      rehash();
    } else {
      insertSlot(id, h);
    }
    return id;
  }

  /** The id of the key {@code buf[off, off+len)}, or -1. */
  public int get(char[] buf, int off, int len) {
    return find(buf, off, len, hash(buf, off, len));
  }

  /** The id of the key {@code buf[off, off+len)} whose {@link #hash} is already known, or -1. */
  public int get(char[] buf, int off, int len, int hash) {
    return size == 0 ? -1 : find(buf, off, len, hash);
  }

  /** The id of {@code key}, or -1. */
  public int get(String key) {
    char[] buf = key.toCharArray();
    return get(buf, 0, buf.length);
  }

  /** Whether key {@code id} is {@code buf[off, off+len)}. */
  boolean keyEquals(int id, char[] buf, int off, int len) {
    return sameFrom(id, buf, off, len, 0);
  }

  /** The key of an id. */
  public String key(int id) {
    if (id < 0 || id >= size) {
      throw new IndexOutOfBoundsException("symbol id " + id + " of " + size);
    }
    return keys[id];
  }

  private int find(char[] buf, int off, int len, int h) {
    long[] t = slots;
    int mask = (t.length >> 1) - 1;
    long head = ((long) h << 32) | ((long) Math.min(len, 255) << 24);
    long first = pack(buf, off, len);
    for (int i = h & mask; ; i = (i + 1) & mask) {
      long s = t[2 * i];
      if (s == 0) {
        return -1;
      }
      if ((s & ~0xFFFFFFL) == head && t[2 * i + 1] == first) {
        int id = (int) (s & 0xFFFFFF) - 1;
        if (len <= 4 || rest(buf, off, len, id)) {
          return id;
        }
      }
    }
  }

  /** The first four characters of a key (zeros after its end), as a slot holds them. */
  private static long pack(char[] buf, int off, int len) {
    long p = 0;
    for (int i = Math.min(len, 4) - 1; i >= 0; i--) {
      p = (p << 16) | buf[off + i];
    }
    return p;
  }

  /** Whether key {@code id}, whose first four characters match, has the length and the rest of these. */
  private boolean rest(char[] buf, int off, int len, int id) {
    return sameFrom(id, buf, off, len, 4);
  }

  /** Whether key {@code id} has length {@code len} and, from character {@code from} on, these characters. */
  private boolean sameFrom(int id, char[] buf, int off, int len, int from) {
    long ol = offLen[id];
    if ((int) ol != len) {
      return false;
    }
    char[] p = pool;
    int poolOff = (int) (ol >>> 32);
    for (int i = from; i < len; i++) {
      if (buf[off + i] != p[poolOff + i]) {
        return false;
      }
    }
    return true;
  }

  private void insertSlot(int id, int h) {
    long[] t = slots;
    int mask = (t.length >> 1) - 1;
    int i = h & mask;
    while (t[2 * i] != 0) {
      i = (i + 1) & mask;
    }
    long ol = offLen[id];
    int len = (int) ol;
    t[2 * i] = ((long) h << 32) | ((long) Math.min(len, 255) << 24) | (id + 1L);
    t[2 * i + 1] = pack(pool, (int) (ol >>> 32), len);
  }

  /**
   * Lets go of the room the per-id arrays and the characters' pool grew into beyond what the keys use (the
   * table of slots stays as it is). Adding keys afterwards grows them again.
   */
  void trim() {
    pool = Arrays.copyOf(pool, Math.max(1, poolSize));
    offLen = Arrays.copyOf(offLen, Math.max(1, size));
    keys = Arrays.copyOf(keys, Math.max(1, size));
    hashes = Arrays.copyOf(hashes, Math.max(1, size));
  }

  private void rehash() {
    slots = new long[slots.length * 2];
    for (int id = 0; id < size; id++) {
      insertSlot(id, hashes[id]);
    }
  }

  /** The hash every table uses, so one computation serves several lookups of the same characters. */
  public static int hash(char[] buf, int off, int len) {
    int h = 0;
    for (int i = 0; i < len; i++) {
      h = 31 * h + buf[off + i];
    }
    return h ^ (h >>> 16) ^ (h >>> 7);
  }
}
