package vn.lanhmanh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lexicon compile} and {@code --precompiled-lexicon}, and the tool's answers to mistyped commands. */
class LexiconCompileCommandTest {

  @Test
  void aCompiledLexiconIsUsedAsTheFolderItCameFrom(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("test.lmlex");
    Cli.Result compile = Cli.run("", "--lexicon", Cli.lexicon(), "lexicon", "compile", "--out", out.toString());
    assertThat(compile.exit()).as(compile.err()).isZero();
    assertThat(compile.err()).startsWith("lanhmanh: wrote ");
    assertThat(Files.size(out)).isPositive();

    Cli.Result fromFile = Cli.run("", "--precompiled-lexicon", out.toString(), "check", "--age", "10", "đm thằng ngu");
    Cli.Result fromFolder = Cli.run("", "--lexicon", Cli.lexicon(), "check", "--age", "10", "đm thằng ngu");
    assertThat(fromFile.exit()).as(fromFile.err()).isEqualTo(fromFolder.exit());
    assertThat(fromFile.out()).isEqualTo(fromFolder.out()).contains("BLOCK");
  }

  @Test
  void aDamagedPrecompiledLexiconIsOneClearError(@TempDir Path dir) throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.lmlex"), "not a lexicon");
    Cli.Result r = Cli.run("", "--precompiled-lexicon", bad.toString(), "check", "--age", "10", "xin chào");
    assertThat(r.exit()).isEqualTo(Main.EXIT_RUNTIME);
    assertThat(r.err()).startsWith("lanhmanh: ").contains("bad.lmlex", "not a precompiled lexicon");
    assertThat(r.err().lines()).hasSize(1);
  }

  @Test
  void aMistypedCommandGetsTheNearestOne() {
    Cli.Result r = Cli.run("", "chek", "--age", "10", "x");
    assertThat(r.exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(r.err()).isEqualTo("lanhmanh: unknown command 'chek': did you mean 'check'? (see 'lanhmanh --help')\n");
    assertThat(Cli.run("", "serv").err()).contains("did you mean 'serve'?");
    assertThat(Cli.run("", "lexicon", "compil").err()).contains("did you mean 'compile'?");
  }

  @Test
  void withoutACommandEveryCommandIsListed() {
    Cli.Result r = Cli.run("");
    assertThat(r.exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(r.err()).contains("check", "batch", "conversation", "index", "lexicon", "serve");
    assertThat(Cli.run("", "--help").out()).contains("serve", "lexicon");
  }
}
