package vn.lanhmanh.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.Policy;
import vn.lanhmanh.Verdict;

/**
 * A digest of every field of the verdicts of many URLs, to show that a change to the URL check leaves
 * its answers as they were: every column of the URL test tables (as given, with {@code http://}, and as
 * host and path of a longer URL), 60,000 random hosts of brand, lure, keyword and leetspeak pieces, 6,000
 * URLs of {@link ClassifyUrlBenchmark}, hosts of the public lists in {@code DATA} when that folder exists
 * (every third line of each list, fewer of a list over 12,000 lines: about 4,000 of each), and malformed input (control chars, stray escapes, a 200,000-char URL).
 * Each URL is checked with the benchmark's 1,000,000-entry index at ages 10, 16 and 30 and with the
 * default filter at 10, the cache off; an exception is written as such instead of a verdict.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar vn.lanhmanh.bench.UrlVerdictDigest TABLES DATA [DUMP]
 * </pre>
 *
 * <p>It prints the number of URLs and the SHA-256 of the verdict lines; {@code DUMP}, when given,
 * receives the lines themselves, for a {@code diff} of two runs.
 */
public final class UrlVerdictDigest {

  private UrlVerdictDigest() {}

  static String full(Verdict v) {
    return v.action() + "|" + v.rating() + "|" + v.findings() + "|"
        + v.findings().stream().map(f -> f.severity() + "@" + f.category()).toList() + "|" + v.redacted() + "|"
        + v.safeUrl() + "|" + v.help() + "|" + v.errors() + "|" + new TreeMap<>(v.scores()) + "|" + v.notes();
  }

  public static void main(String[] args) throws Exception {
    Path tables = Path.of(args[0]);
    Path data = Path.of(args[1]);
    List<String> urls = new ArrayList<>();
    try (Stream<Path> files = Files.list(tables)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".tsv")).sorted().toList()) {
        for (String line : Files.readAllLines(f)) {
          for (String col : line.split("\t")) {
            col = col.strip();
            if (col.isEmpty() || col.startsWith("#")) {
              continue;
            }
            urls.add(col);
            urls.add("http://" + col);
            urls.add("http://www." + col + "/a-b_c/" + col + "?q=" + col);
          }
        }
      }
    }
    SplittableRandom r = new SplittableRandom(1);
    String alpha = "abcdefghijklmnopqrstuvwxyz0123456789-._";
    String[] words = {"vietcombank", "vcb", "momo", "xacminh", "robux", "free", "kubet", "77", "vip", "sex", "essex",
        "bet", "alphabet", "shopee", "vn", "com", "bank", "rn", "vv", "0", "1", "l", "xn--", "gov", "edu", "bidv", "acb",
        "garena", "kimcuong", "nohu", "casino", "google.com/search?q=sex", "youtube", "3", "4", "5", "7", "tiktok",
        "xn--vietcmbank-ivi", "techcombnak", "vietel", "phimsex", "%41", "%2e", "..", "@", ":8080", "[::1]", "0x7f"};
    String[] tlds = {".com", ".vn", ".com.vn", ".top", ".xxx", ".net", ".co.uk", ".ck", ".xyz", "", ".edu.vn",
        ".gov.vn", ".blogspot.com", "."};
    for (int i = 0; i < 60_000; i++) {
      StringBuilder b = new StringBuilder();
      int parts = 1 + r.nextInt(4);
      for (int p = 0; p < parts; p++) {
        if (r.nextBoolean()) {
          b.append(words[r.nextInt(words.length)]);
        } else {
          for (int k = r.nextInt(8); k > 0; k--) {
            b.append(alpha.charAt(r.nextInt(alpha.length())));
          }
        }
      }
      b.append(tlds[r.nextInt(tlds.length)]);
      urls.add((r.nextBoolean() ? "http://" : "HTTPS://www.") + b + "/" + words[r.nextInt(words.length)] + "/x"
          + (r.nextBoolean() ? "?q=" + words[r.nextInt(words.length)] : ""));
    }
    int entries = 1_000_000;
    SplittableRandom br = new SplittableRandom(7);
    for (int k = 0; k < 6000; k++) {
      String h = k % 2 == 0 ? ClassifyUrlBenchmark.host(br.nextInt(entries)) : "nothere" + br.nextInt(1 << 30) + ".example.org";
      urls.add("https://www." + h + "/path/" + k + "?q=" + br.nextInt(1000));
    }
    int real = addPublicLists(data, urls);
    String controls = "\t\r\n\u0000\u0001\u001f\u007f\u0085\u00a0\u2028\ud800%#?/\\@:[]. ";
    for (int i = 0; i < 5_000; i++) {
      StringBuilder b = new StringBuilder(i % 2 == 0 ? "http://" : "");
      for (int k = r.nextInt(40); k > 0; k--) {
        b.append(r.nextInt(3) == 0 ? controls.charAt(r.nextInt(controls.length())) : alpha.charAt(r.nextInt(alpha.length())));
      }
      urls.add(b.toString());
    }
    urls.add("http://" + "a".repeat(200_000) + ".com/");
    urls.add("http://example.com/" + "%25".repeat(30_000));
    urls.add("http://" + "a.".repeat(5_000) + "com/");
    ContentFilter withIndex = ContentFilter.builder().urlIndex(ClassifyUrlBenchmark.indexDir(entries)).urlCacheSize(0).build();
    ContentFilter plain = ContentFilter.builder().urlCacheSize(0).build();
    Policy[] ps = {Policy.forAge(10), Policy.forAge(16), Policy.forAge(30)};
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    // A writer that replaces what UTF-8 cannot hold (the lone surrogates of the malformed input).
    BufferedWriter dump = args.length > 2
        ? new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(Path.of(args[2])), StandardCharsets.UTF_8))
        : null;
    StringBuilder line = new StringBuilder();
    int exceptions = 0;
    for (String u : urls) {
      for (int p = 0; p <= ps.length; p++) {
        line.setLength(0);
        line.append(u).append('\t');
        try {
          line.append(full(p < ps.length ? withIndex.checkUrl(u, ps[p]) : plain.checkUrl(u, ps[0])));
        } catch (RuntimeException e) {
          exceptions++;
          line.append("EXCEPTION ").append(e);
        }
        line.append('\n');
        sha.update(line.toString().getBytes(StandardCharsets.UTF_8));
        if (dump != null) {
          dump.append(line);
        }
      }
    }
    if (dump != null) {
      dump.close();
    }
    withIndex.close();
    plain.close();
    System.out.println(urls.size() + " urls (" + real + " from public lists), " + exceptions + " exceptions, sha256 "
        + HexFormat.of().formatHex(sha.digest()));
  }

  /** Every third entry of the public lists (about 4,000 of a longer one), as {@code http://entry} and with a path; returns how many entries. */
  private static int addPublicLists(Path data, List<String> urls) throws IOException {
    if (!Files.isDirectory(data)) {
      return 0;
    }
    List<Path> lists = new ArrayList<>();
    try (Stream<Path> all = Files.walk(data)) {
      all.filter(Files::isRegularFile).filter(p -> {
        String s = data.relativize(p).toString();
        return (s.startsWith("ut1") && (s.endsWith("/domains") || s.endsWith("/urls")))
            || s.startsWith("sinfonietta/") && s.endsWith("-hosts")
            || s.startsWith("blocklistproject/") && s.endsWith(".txt");
      }).sorted().forEach(lists::add);
    }
    int n = 0;
    for (Path f : lists) {
      List<String> lines = Files.readAllLines(f, StandardCharsets.ISO_8859_1);
      int step = Math.max(3, lines.size() / 4000);
      int i = 0;
      for (String line : lines) {
        if (i++ % step != 0) {
          continue;
        }
        String e = line.strip();
        if (e.startsWith("0.0.0.0 ")) {
          e = e.substring(8).strip();
        }
        if (e.isEmpty() || e.startsWith("#")) {
          continue;
        }
        urls.add("http://" + e);
        urls.add("https://www." + e + "/index.php?id=1");
        n++;
      }
    }
    return n;
  }
}
