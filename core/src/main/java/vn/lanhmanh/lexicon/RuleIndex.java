package vn.lanhmanh.lexicon;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.Bits;
import vn.lanhmanh.Category;
import vn.lanhmanh.Rating;
import vn.lanhmanh.Severity;
import vn.lanhmanh.text.VietnameseAnalyzer;

/**
 * The lexicon as a Lucene index: one document per entry, its phrase analysed by
 * {@link VietnameseAnalyzer} (exact and folded syllables), everything else stored. The filter compiles
 * its matcher from the documents of this index, and tooling searches it ("which rules mention
 * {@code lồn}?") through the same normaliser.
 *
 * <p>Thread-safe for reading after {@link #build}; owns an open reader until {@link #close()}.
 */
public final class RuleIndex implements Closeable {

  static final String KIND = "kind";
  static final String PHRASE = "phrase";
  static final String CATEGORY = "category";
  static final String RATING = "rating";
  static final String SEVERITY = "severity";
  static final String FOLD = "fold";
  static final String CONTEXTS = "contexts";
  static final String EXPANSION = "expansion";
  static final String NOTE = "note";
  static final String SOURCE = "source";

  private final Directory directory;
  private final DirectoryReader reader;
  private final VietnameseAnalyzer analyzer;

  private RuleIndex(Directory directory, DirectoryReader reader, VietnameseAnalyzer analyzer) {
    this.directory = directory;
    this.reader = reader;
    this.analyzer = analyzer;
  }

  /** Indexes the entries in memory. */
  public static RuleIndex build(List<LexiconEntry> entries) {
    VietnameseAnalyzer analyzer = new VietnameseAnalyzer();
    Directory dir = new ByteBuffersDirectory();
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE))) {
      for (LexiconEntry e : entries) {
        w.addDocument(toDocument(e));
      }
      w.forceMerge(1);
      w.commit();
      return new RuleIndex(dir, DirectoryReader.open(dir), analyzer);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot index the lexicon", e);
    }
  }

  private static Document toDocument(LexiconEntry e) {
    Document d = new Document();
    d.add(new StringField(KIND, e.kind().name(), Field.Store.YES));
    d.add(new TextField(PHRASE, e.phrase(), Field.Store.YES));
    if (e.category() != null) {
      d.add(new StringField(CATEGORY, e.category().jsonName(), Field.Store.YES));
    }
    if (e.rating() != null) {
      d.add(new StoredField(RATING, e.rating().name()));
    }
    if (e.severity() != null) {
      d.add(new StoredField(SEVERITY, e.severity().jsonName()));
    }
    d.add(new StoredField(FOLD, e.fold().jsonName()));
    if (!e.contextCategories().isEmpty()) {
      d.add(new StoredField(CONTEXTS, e.contextCategories().stream().map(Category::jsonName).sorted()
          .collect(Collectors.joining(","))));
    }
    if (e.expansion() != null) {
      d.add(new StoredField(EXPANSION, e.expansion()));
    }
    d.add(new StoredField(NOTE, e.note()));
    d.add(new StoredField(SOURCE, e.source()));
    return d;
  }

  private static LexiconEntry fromDocument(Document d) {
    LexiconEntry.Kind kind = LexiconEntry.Kind.valueOf(d.get(KIND));
    String cat = d.get(CATEGORY);
    String rating = d.get(RATING);
    String severity = d.get(SEVERITY);
    Set<Category> contexts = EnumSet.noneOf(Category.class);
    String c = d.get(CONTEXTS);
    if (c != null) {
      for (String s : c.split(",")) {
        contexts.add(Category.fromJsonName(s));
      }
    }
    return new LexiconEntry(kind, d.get(PHRASE),
        cat == null ? null : Category.fromJsonName(cat),
        rating == null ? null : Rating.parse(rating),
        severity == null ? null : Severity.parse(severity),
        LexiconEntry.Fold.parse(d.get(FOLD)), contexts, d.get(EXPANSION), d.get(NOTE), d.get(SOURCE));
  }

  /** Number of entries. */
  public int size() {
    return reader.numDocs();
  }

  /** Every entry, in the order they were indexed. */
  public List<LexiconEntry> entries() {
    List<LexiconEntry> out = new ArrayList<>(reader.numDocs());
    try {
      for (LeafReaderContext leaf : reader.leaves()) {
        StoredFields stored = leaf.reader().storedFields();
        Bits live = leaf.reader().getLiveDocs();
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
          if (live == null || live.get(doc)) {
            out.add(fromDocument(stored.document(doc)));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the lexicon index", e);
    }
    return out;
  }

  /**
   * Entries whose phrase contains every syllable of {@code words} (exact or diacritic-free view).
   *
   * @param max the most entries to return
   */
  public List<LexiconEntry> search(String words, int max) {
    // One MUST clause per syllable, on its folded view: the index holds the folded view of every
    // syllable, so "lon" finds phrases with lồn, lớn and lon alike.
    List<String> folded = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(PHRASE, words)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      TypeAttribute type = ts.addAttribute(TypeAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        if (VietnameseAnalyzer.FOLDED.equals(type.type())) {
          folded.set(folded.size() - 1, term.toString());
        } else {
          folded.add(term.toString());
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (folded.isEmpty()) {
      return List.of();
    }
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    for (String t : folded) {
      q.add(new TermQuery(new Term(PHRASE, t)), BooleanClause.Occur.MUST);
    }
    try {
      IndexSearcher searcher = new IndexSearcher(reader);
      List<LexiconEntry> out = new ArrayList<>();
      StoredFields stored = searcher.storedFields();
      for (ScoreDoc sd : searcher.search(q.build(), Math.max(1, max)).scoreDocs) {
        out.add(fromDocument(stored.document(sd.doc)));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot search the lexicon index", e);
    }
  }

  @Override
  public void close() throws IOException {
    reader.close();
    directory.close();
    analyzer.close();
  }
}
