package vn.lanhmanh;

/**
 * Run by {@link WithoutLuceneAndCaffeineTest} in a JVM whose class path has neither Lucene nor Caffeine
 * (as an Android app that leaves them out): builds the default filter and checks texts and a URL.
 */
public final class TextPathMain {

  private TextPathMain() {}

  public static void main(String[] args) {
    for (String absent : new String[] {"org.apache.lucene.util.Version", "com.github.benmanes.caffeine.cache.Caffeine"}) {
      try {
        Class.forName(absent);
        System.out.println("present: " + absent);
        System.exit(3);
      } catch (ClassNotFoundException expected) {
        System.out.println("absent: " + absent);
      }
    }
    long t0 = System.nanoTime();
    try (ContentFilter filter = ContentFilter.builder().build()) {
      System.out.println("built in ms: " + (System.nanoTime() - t0) / 1_000_000);
      for (String text : args) {
        System.out.println(text + " => " + filter.checkText(text, Policy.forAge(10)));
      }
      Policy custom = Policy.forAge(10).deny(Category.HARASSMENT, Rating.K, "đồ gà mờ");
      System.out.println("custom => " + filter.checkText("mày là đồ gà mờ", custom));
      System.out.println("url => " + filter.checkUrl("https://www.google.com/search?q=phim+sex", Policy.forAge(10)));
      System.out.println("url again => " + filter.checkUrl("https://www.google.com/search?q=phim+sex", Policy.forAge(10)));
      System.out.println("url cache => " + new java.util.TreeMap<>(filter.urlCacheCounts()));
      Conversation chat = filter.conversation("room-1");
      ConversationVerdict cv = null;
      for (String m : new String[] {"chào em, em bao nhiêu tuổi rồi", "em học trường nào", "đừng nói với bố mẹ nhé",
          "gửi ảnh cho anh xem đi", "mai mình gặp nhau nhé"}) {
        cv = chat.check(Message.of("m" + m.length(), Message.Sender.OTHER, m), Policy.forAge(10));
      }
      System.out.println("conversation => risk " + cv.risk() + " " + cv.stages());
    }
  }
}
