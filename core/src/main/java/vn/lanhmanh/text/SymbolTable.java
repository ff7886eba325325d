package vn.lanhmanh.text;

import java.util.Arrays;

/**
 * Interns short strings as dense int ids, and looks them up from a slice of a {@code char[]} without
 * allocating. Open addressing with linear probing; keys live in one shared {@code char[]} pool.
 *
 * <p>Mutable while a lexicon is compiled, read-only afterwards: lookups from many threads are safe once
 * the owning object has been safely published and no more {@link #add} calls are made.
 */
public final class SymbolTable {

  private char[] pool = new char[1024];
  private int poolSize;
  private int[] offsets = new int[64];
  private int[] lengths = new int[64];
  private int[] hashes = new int[64];
  private int size;
  private int[] slots = newSlots(128);

  private static int[] newSlots(int n) {
    int[] s = new int[n];
    Arrays.fill(s, -1);
    return s;
  }

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
    if (size == offsets.length) {
      offsets = Arrays.copyOf(offsets, size * 2);
      lengths = Arrays.copyOf(lengths, size * 2);
      hashes = Arrays.copyOf(hashes, size * 2);
    }
    while (poolSize + buf.length > pool.length) {
      pool = Arrays.copyOf(pool, pool.length * 2);
    }
    System.arraycopy(buf, 0, pool, poolSize, buf.length);
    offsets[size] = poolSize;
    lengths[size] = buf.length;
    hashes[size] = h;
    poolSize += buf.length;
    int id = size++;
    if (size * 2 > slots.length) {
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

  /** The key of an id. */
  public String key(int id) {
    return new String(pool, offsets[id], lengths[id]);
  }

  private int find(char[] buf, int off, int len, int h) {
    int mask = slots.length - 1;
    for (int i = h & mask; ; i = (i + 1) & mask) {
      int id = slots[i];
      if (id < 0) {
        return -1;
      }
      if (hashes[id] == h && lengths[id] == len && equal(buf, off, offsets[id], len)) {
        return id;
      }
    }
  }

  private boolean equal(char[] buf, int off, int poolOff, int len) {
    for (int i = 0; i < len; i++) {
      if (buf[off + i] != pool[poolOff + i]) {
        return false;
      }
    }
    return true;
  }

  private void insertSlot(int id, int h) {
    int mask = slots.length - 1;
    int i = h & mask;
    while (slots[i] >= 0) {
      i = (i + 1) & mask;
    }
    slots[i] = id;
  }

  private void rehash() {
    slots = newSlots(slots.length * 2);
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
