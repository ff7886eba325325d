package vn.lanhmanh.url.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A random index of about 3,500 entries (hosts, host/path keys with and without a query, some keys in two
 * lists, some also with {@code www.}, every category and allow entries) and URLs that meet it in every way a lookup can (the host, a subdomain,
 * a listed path, a listed query, the host with {@code www.}, a host that only ends like a listed one, unlisted hosts), for tests that
 * compare two ways of answering the same lookups.
 */
final class SampleLists {

  private static final String[] CATEGORIES = {"sexual", "gambling", "scam", "drugs", "allow"};

  private SampleLists() {}

  /** The hosts of the entries written. */
  record Written(List<String> hosts, List<String> keys) {}

  /** Writes and commits the entries into a new index at {@code dir}. */
  static Written write(Path dir, SplittableRandom r) throws IOException {
    List<String> hosts = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    try (UrlListWriter w = UrlListWriter.create(dir, 3000)) {
      for (int i = 0; i < 3000; i++) {
        String host = "h" + Integer.toString(r.nextInt(1 << 20), 36) + (i % 3 == 0 ? ".example.vn" : ".site" + (i % 7) + ".com");
        hosts.add(host);
        String key = switch (i % 5) {
          case 0 -> host + "/adult/";
          case 1 -> host + "/x/page.html?id=" + i;
          default -> host;
        };
        keys.add(key);
        w.add(new ListEntry(key, CATEGORIES[r.nextInt(CATEGORIES.length)], "list" + (i % 4)));
        if (i % 11 == 0) {
          w.add(new ListEntry(key, CATEGORIES[r.nextInt(CATEGORIES.length)], "other"));
        }
        if (i % 13 == 0) {
          // Listed with and without www. (hosts files often write both), or (with a path) only with it.
          w.add(new ListEntry("www." + key, CATEGORIES[r.nextInt(CATEGORIES.length)], "www"));
          keys.add("www." + key);
        }
      }
      w.commit(true);
    }
    return new Written(hosts, keys);
  }

  /** 8,000 URLs around {@code hosts}. */
  static List<String> urls(List<String> hosts, SplittableRandom r) {
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < 8000; i++) {
      String host = hosts.get(r.nextInt(hosts.size()));
      urls.add(switch (i % 8) {
        case 6 -> "https://www." + host + "/adult/x.html?id=" + r.nextInt(3000);
        case 7 -> "http://www." + host + "/";
        case 0 -> "http://" + host + "/";
        case 1 -> "https://www.m." + host + "/adult/movie.html";
        case 2 -> "http://" + host + "/x/page.html?id=" + r.nextInt(3000);
        case 3 -> "http://a.b.c." + host + "/x/";
        case 4 -> "http://not" + host + "/adult/";
        default -> "http://unlisted" + r.nextInt(1 << 30) + ".example.org/adult/";
      });
    }
    return urls;
  }
}
