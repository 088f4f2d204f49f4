// Internal to the loader: reading YAML nodes into checked values while keeping
// every node's mark. A Reader belongs to one file and reports into a shared
// DiagnosticList; a Section is one YAML map whose keys are checked against the
// schema (unknown keys with "did you mean", duplicates, missing keys).
#pragma once

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "filmtherm/device.h"
#include "filmtherm/dimension.h"
#include "filmtherm/input_error.h"

namespace filmtherm::input {

/// One YAML file held in memory, so messages can quote its lines.
struct SourceFile {
  std::string name;            ///< as shown in messages
  std::filesystem::path path;  ///< base for relative paths; need not exist
  std::string text;            ///< without a UTF-8 byte-order mark
  std::vector<std::size_t> line_starts;

  SourceFile(std::string name, std::filesystem::path path, std::string text);
  /// Line `line0` (0-based) without its line break; "" past the end.
  std::string line_text(int line0) const;
};

/// A key of a YAML map with its value and its key path.
struct Entry {
  std::string key;
  std::string path;  ///< "film.thickness"
  YAML::Node key_node;
  YAML::Node value;
};

/// A scalar value, possibly written as {value: ..., source: ..., kind: ...}.
struct ValueText {
  std::string text;
  YAML::Node node;  ///< the scalar itself
  std::string path;
  Provenance provenance;
};

class Reader {
 public:
  Reader(const SourceFile& file, DiagnosticList& diagnostics)
      : file_(file), diagnostics_(diagnostics) {}

  const SourceFile& file() const noexcept { return file_; }
  DiagnosticList& diagnostics() noexcept { return diagnostics_; }

  /// Parses the file's text; a syntax error is reported and gives nullopt.
  std::optional<YAML::Node> parse();

  /// 1-based mark of a node in this file.
  SourceMark mark_of(const YAML::Node& node) const;
  /// The value's mark, or the key's when the value is empty (yaml-cpp marks
  /// an empty value at the next line).
  SourceMark mark_of(const Entry& entry) const;

  void report(const SourceMark& at, std::string path, std::string expected, std::string found,
              std::string note = {});
  void report(const YAML::Node& at, std::string path, std::string expected, std::string found,
              std::string note = {});

  /// A string scalar; reports anything else.
  std::optional<std::string> string(const Entry& entry, std::string_view expected);

  /// The scalar text of a value; a {value, source, kind} map is accepted when
  /// `allow_provenance`.
  std::optional<ValueText> value_text(const Entry& entry, bool allow_provenance);

  /// A value of the given dimension in SI, with its mark and provenance.
  /// A parse error points at the byte where the quantity parser stopped.
  std::optional<Sourced<double>> quantity_si(const Entry& entry, const Dimension& expected,
                                             bool allow_provenance = true);
  std::optional<double> quantity_si(const ValueText& value, const Dimension& expected);

  template <class Q>
  std::optional<Sourced<Q>> quantity(const Entry& entry, bool allow_provenance = true) {
    auto si = quantity_si(entry, dimension_of<Q>(), allow_provenance);
    if (!si) return std::nullopt;
    return Sourced<Q>{from_si<Q>(si->value), si->mark, si->provenance};
  }

  /// A whole number in [minimum, 2^31 - 1] ("100000" or "1e5").
  std::optional<Sourced<int>> integer(const Entry& entry, int minimum);

  /// Column in the file of byte `offset` of a scalar's text (quoted scalars
  /// start one byte after their mark).
  SourceMark scalar_mark(const YAML::Node& scalar, std::size_t offset) const;

 private:
  const SourceFile& file_;
  DiagnosticList& diagnostics_;
};

/// One YAML map checked against the keys the schema allows.
class Section {
 public:
  /// `anchor` is where a missing key is reported (the section's own key, or
  /// the top of the file). A null node is an empty section.
  Section(Reader& reader, const YAML::Node& node, std::string path,
          std::vector<std::string> allowed, SourceMark anchor, std::string_view what);

  bool is_map() const noexcept { return is_map_; }
  const std::vector<Entry>& entries() const noexcept { return entries_; }
  const std::string& path() const noexcept { return path_; }
  const SourceMark& anchor() const noexcept { return anchor_; }

  /// The entry for `key`, or nullptr.
  const Entry* find(std::string_view key) const;
  /// The entry for `key`; reports a missing key (`description` says what it
  /// holds, e.g. "the film thickness, e.g. '6 nm'") and returns nullptr.
  const Entry* require(std::string_view key, std::string_view description);

  std::string child_path(std::string_view key) const;

 private:
  Reader& reader_;
  std::string path_;
  SourceMark anchor_;
  bool is_map_ = false;
  std::vector<Entry> entries_;
  std::vector<std::string> suggested_;  ///< keys offered as "did you mean"
};

/// "a length [m] with its unit, e.g. '6 nm'" for messages.
std::string expected_quantity(const Dimension& dimension);

}  // namespace filmtherm::input
