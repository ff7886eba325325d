package vn.lanhmanh.concept;

import java.util.Objects;
import java.util.Set;
import vn.lanhmanh.Category;
import vn.lanhmanh.Rating;

/**
 * A register's effect: in a sentence where the register concept is present, bare rule findings of these
 * categories keep at most tier {@code cap}. Composed findings are never lowered by a register, and bare
 * findings of tier C only by a register that says {@code lowersC} (police reporting, awareness).
 *
 * @param register the register concept
 * @param categories the categories it lowers
 * @param cap the highest tier such a finding keeps
 * @param lowersC whether it also lowers bare findings of tier C
 * @param note a gloss for reviewers
 * @param source {@code file:line}
 */
public record Register(Concept register, Set<Category> categories, Rating cap, boolean lowersC, String note,
    String source) {

  public Register {
    Objects.requireNonNull(register, "register");
    Objects.requireNonNull(cap, "cap");
    categories = Set.copyOf(categories);
    if (!register.isRegister()) {
      throw new IllegalArgumentException(register + " is not a register concept");
    }
  }
}
