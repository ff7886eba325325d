package vn.lanhmanh.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import vn.lanhmanh.Action;
import vn.lanhmanh.Category;
import vn.lanhmanh.ContentFilter;
import vn.lanhmanh.Finding;
import vn.lanhmanh.Policy;
import vn.lanhmanh.Verdict;

/**
 * Bulk moderation of a school forum's posts, for example before a forum is opened to younger classes.
 *
 * <pre>{@code
 * java -cp examples/target/lanhmanh.jar vn.lanhmanh.examples.SchoolForumModeration [--age N] posts.jsonl flagged.jsonl
 * }</pre>
 *
 * <p>Reads JSON lines {@code {"id": …, "text": …}} from {@code posts.jsonl}, checks each text for a reader
 * of {@code --age} (default 13) and writes one JSON line to {@code flagged.jsonl} for every post that is
 * not ALLOW: {@code {"id", "action", "rating", "categories", "findings": [{"category", "rule", "start",
 * "end", "match"}], "redacted"}}, in input order (a post rated above the reader's tier but allowed by
 * context, such as news about drug prevention, is counted under its category but not flagged). A line that cannot be read gets {@code {"line", "error"}}
 * there and the run goes on. While it runs, a progress bar on standard error is redrawn four times a
 * second (bytes read of the file's size, posts, posts per second); at the end a summary goes to standard
 * output:
 *
 * <pre>
 * posts:     6 (1 unreadable)
 * actions:   ALLOW 3, WARN 1, BLOCK 1
 * categories (posts with a finding): harassment 2, profanity 1, gambling 1
 * flagged:   2 posts written to flagged.jsonl
 * </pre>
 */
public final class SchoolForumModeration {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int BAR_WIDTH = 30;

  private SchoolForumModeration() {}

  public static void main(String[] args) throws IOException {
    int age = 13;
    Path input = null;
    Path report = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--age") && i + 1 < args.length) {
        age = Integer.parseInt(args[++i]);
      } else if (input == null) {
        input = Path.of(args[i]);
      } else {
        report = Path.of(args[i]);
      }
    }
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    if (input == null || report == null) {
      err.println("usage: SchoolForumModeration [--age N] POSTS.jsonl REPORT.jsonl");
      return;
    }
    Policy reader = Policy.forAge(age);
    long size = Math.max(1, Files.size(input));
    AtomicLong bytes = new AtomicLong();
    AtomicLong posts = new AtomicLong();
    Map<Action, Long> byAction = new EnumMap<>(Action.class);
    Map<Category, Long> byCategory = new EnumMap<>(Category.class);
    long unreadable = 0;
    long flagged = 0;

    err.println("loading the lexicon…");
    ContentFilter filter = ContentFilter.builder().build();   // a few seconds, once
    long t0 = System.nanoTime();
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "progress");
      t.setDaemon(true);
      return t;
    });
    ticker.scheduleAtFixedRate(() -> err.print(bar(bytes.get(), size, posts.get(), t0)), 0, 250,
        TimeUnit.MILLISECONDS);
    try (filter;
        BufferedReader in = new BufferedReader(new InputStreamReader(counting(Files.newInputStream(input), bytes),
            StandardCharsets.UTF_8));
        BufferedWriter w = Files.newBufferedWriter(report, StandardCharsets.UTF_8)) {
      String line;
      long lineNo = 0;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode post;
        try {
          post = JSON.readTree(line);
          if (!post.path("text").isTextual()) {
            throw new IllegalArgumentException("no \"text\" string");
          }
        } catch (JsonProcessingException | IllegalArgumentException e) {
          unreadable++;
          posts.incrementAndGet();
          ObjectNode bad = JSON.createObjectNode().put("line", lineNo);
          bad.put("error", e instanceof JsonProcessingException ? "not a JSON object" : e.getMessage());
          w.write(JSON.writeValueAsString(bad));
          w.newLine();
          continue;
        }
        Verdict v = filter.checkText(post.get("text").asText(), reader);
        posts.incrementAndGet();
        byAction.merge(v.action(), 1L, Long::sum);
        for (Category c : v.categories()) {
          byCategory.merge(c, 1L, Long::sum);
        }
        if (v.action() != Action.ALLOW) {
          flagged++;
          w.write(JSON.writeValueAsString(flaggedPost(post.path("id"), v)));
          w.newLine();
        }
      }
    } finally {
      ticker.shutdownNow();
      try {
        ticker.awaitTermination(1, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    err.println(bar(size, size, posts.get(), t0));

    out.println("posts:     " + posts.get() + (unreadable == 0 ? "" : " (" + unreadable + " unreadable)"));
    StringBuilder actions = new StringBuilder();
    for (Action a : Action.values()) {
      actions.append(actions.length() == 0 ? "" : ", ").append(a).append(' ').append(byAction.getOrDefault(a, 0L));
    }
    out.println("actions:   " + actions);
    StringBuilder categories = new StringBuilder();
    byCategory.entrySet().stream()
        .sorted(Map.Entry.<Category, Long>comparingByValue().reversed())
        .forEach(e -> categories.append(categories.length() == 0 ? "" : ", ")
            .append(e.getKey().jsonName()).append(' ').append(e.getValue()));
    out.println("categories (posts with a finding): " + (categories.length() == 0 ? "none" : categories));
    out.println("flagged:   " + flagged + " posts written to " + report);
  }

  /** The report line of a post that is not ALLOW. */
  static ObjectNode flaggedPost(JsonNode id, Verdict v) {
    ObjectNode o = JSON.createObjectNode();
    o.set("id", id.isMissingNode() ? NullNode.getInstance() : id);
    o.put("action", v.action().name());
    o.put("rating", v.rating().name());
    ArrayNode cats = o.putArray("categories");
    v.categories().forEach(c -> cats.add(c.jsonName()));
    ArrayNode findings = o.putArray("findings");
    for (Finding f : v.findings()) {
      findings.addObject().put("category", f.category().jsonName()).put("rule", f.rule())
          .put("start", f.start()).put("end", f.end()).put("match", f.match());
    }
    o.put("redacted", v.redacted());
    return o;
  }

  /** {@code \r[##########----------]  50%  1234 posts  5678/s}: one redraw of the progress bar. */
  static String bar(long done, long total, long posts, long t0) {
    double fraction = Math.min(1.0, (double) done / total);
    int filled = (int) Math.round(fraction * BAR_WIDTH);
    double seconds = Math.max(1e-3, (System.nanoTime() - t0) / 1e9);
    return "\r[" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "] "
        + String.format(Locale.ROOT, "%3d%%  %d posts  %.0f/s", Math.round(fraction * 100), posts, posts / seconds);
  }

  /** Counts the bytes read from {@code in} into {@code count}, for the progress bar. */
  private static InputStream counting(InputStream in, AtomicLong count) {
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          count.incrementAndGet();
        }
        return b;
      }

      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
          count.addAndGet(n);
        }
        return n;
      }
    };
  }
}
