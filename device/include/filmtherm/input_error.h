// Input errors that point at the place in a file where a user must act: a
// Diagnostic names the file, the 1-based line and column, the key path
// (`film.thickness`), what was expected and what was found, and carries the
// offending source line so it can be shown with a caret under the column.
// Loaders collect every diagnostic of a pass in a DiagnosticList and throw
// one InputError carrying them all, so a user fixes a file in one round.
#pragma once

#include <span>
#include <stdexcept>
#include <string>
#include <vector>

namespace filmtherm {

/// One problem in an input file.
struct Diagnostic {
  std::string file;         ///< the file as it was named (relative paths stay relative)
  int line = 0;             ///< 1-based; 0 when the problem concerns the whole file
  int column = 0;           ///< 1-based byte column; 0 when unknown
  std::string key_path;     ///< e.g. "film.thickness", "materials.NbN.phonon_heat_capacity.model"
  std::string expected;     ///< e.g. "a length [m] with its unit, e.g. '6 nm'"
  std::string found;        ///< e.g. "'6 K', which is a temperature [K]"
  std::string note;         ///< optional, e.g. "did you mean 'thickness'?"
  std::string source_line;  ///< the text of line `line`, "" when unknown

  /// "expected E, found F" plus "; note" when there is one.
  std::string message() const;

  /// "file:line:column: key: message", then the source line and a caret
  /// under the column (each on its own line, indented by four spaces).
  std::string format() const;
};

/// All diagnostics of one load, in the order of the files and their lines.
class DiagnosticList {
 public:
  void add(Diagnostic diagnostic);
  bool empty() const noexcept { return diagnostics_.empty(); }
  std::size_t size() const noexcept { return diagnostics_.size(); }
  const std::vector<Diagnostic>& diagnostics() const noexcept { return diagnostics_; }

  /// Throws InputError with every diagnostic collected so far, sorted by
  /// file (in order of first report) and position; does nothing when empty.
  void throw_if_any() const;

 private:
  std::vector<Diagnostic> diagnostics_;
};

/// Formats diagnostics one after the other, each as Diagnostic::format().
std::string format_diagnostics(std::span<const Diagnostic> diagnostics);

/// An input file (or a file it imports) is wrong; what() holds every
/// diagnostic formatted, diagnostics() the structured list (never empty).
class InputError : public std::invalid_argument {
 public:
  explicit InputError(std::vector<Diagnostic> diagnostics);
  const std::vector<Diagnostic>& diagnostics() const noexcept { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace filmtherm
