package vn.lanhmanh;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Run by {@link WithoutLuceneAndCaffeineTest} in a JVM whose class path has neither Lucene nor Caffeine
 * (as an Android app that leaves them out): builds the default filter and checks texts and a URL. The first
 * argument is the mode: {@code jvm}, or {@code text-only} for a class path without Guava and without the
 * default URL lists either (the {@code android} jar), where the URL check is expected to fail closed.
 */
public final class TextPathMain {

  private TextPathMain() {}

  public static void main(String[] args) {
    boolean textOnly = args[0].equals("text-only");
    List<String> absent = new ArrayList<>(List.of("org.apache.lucene.util.Version",
        "com.github.benmanes.caffeine.cache.Caffeine"));
    if (textOnly) {
      absent.add("com.google.common.collect.ImmutableList");
    }
    for (String name : absent) {
      try {
        Class.forName(name);
        System.out.println("present: " + name);
        System.exit(3);
      } catch (ClassNotFoundException expected) {
        System.out.println("absent: " + name);
      }
    }
    String lists = "/vn/lanhmanh/url/default-lists.bin";
    boolean haveLists = TextPathMain.class.getResource(lists) != null;
    System.out.println((haveLists ? "present: " : "absent: ") + lists);
    if (haveLists == textOnly) {
      System.exit(4);
    }
    long t0 = System.nanoTime();
    try (ContentFilter filter = ContentFilter.builder().build()) {
      System.out.println("built in ms: " + (System.nanoTime() - t0) / 1_000_000);
      for (String text : Arrays.asList(args).subList(1, args.length)) {
        System.out.println(text + " => " + filter.checkText(text, Policy.forAge(10)));
      }
      Policy custom = Policy.forAge(10).deny(Category.HARASSMENT, Rating.K, "đồ gà mờ");
      System.out.println("custom => " + filter.checkText("mày là đồ gà mờ", custom));
      System.out.println("url => " + filter.checkUrl("https://www.google.com/search?q=phim+sex", Policy.forAge(10)));
      if (!textOnly) {
        System.out.println("url again => " + filter.checkUrl("https://www.google.com/search?q=phim+sex",
            Policy.forAge(10)));
        System.out.println("url cache => " + new java.util.TreeMap<>(filter.urlCacheCounts()));
      }
      Conversation chat = filter.conversation("room-1");
      ConversationVerdict cv = null;
      for (String m : new String[] {"chào em, em bao nhiêu tuổi rồi", "em học trường nào", "đừng nói với bố mẹ nhé",
          "gửi ảnh cho anh xem đi", "mai mình gặp nhau nhé"}) {
        cv = chat.check(Message.of("m" + m.length(), Message.Sender.OTHER, m), Policy.forAge(10));
      }
      System.out.println("conversation => risk " + cv.risk() + " " + cv.stages());
    }
    if (textOnly) {
      refused("withModel", ContentFilter.builder().withModel());
      refused("withClassifiers", ContentFilter.builder().withClassifiers());
    }
  }

  private static void refused(String what, ContentFilter.Builder builder) {
    try (ContentFilter filter = builder.build()) {
      System.out.println(what + " => built");
    } catch (IllegalStateException e) {
      System.out.println(what + " => IllegalStateException: " + e.getMessage());
    }
  }
}
