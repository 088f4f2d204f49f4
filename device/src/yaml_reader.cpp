#include "yaml_reader.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

#include <yaml-cpp/eventhandler.h>

#include "filmtherm/quantity_parser.h"
#include "filmtherm/spelling.h"

namespace filmtherm::input {

namespace {

constexpr std::string_view byte_order_mark = "\xEF\xBB\xBF";

std::string strip_byte_order_mark(std::string text) {
  if (text.starts_with(byte_order_mark)) text.erase(0, byte_order_mark.size());
  return text;
}

std::string node_kind(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Null:
      return "nothing";
    case YAML::NodeType::Scalar:
      return "'" + node.Scalar() + "'";
    case YAML::NodeType::Sequence:
      return "a list";
    case YAML::NodeType::Map:
      return "a map";
    case YAML::NodeType::Undefined:
      break;
  }
  return "nothing";
}

std::string join(const std::vector<std::string>& names) {
  std::string text;
  for (const auto& name : names) text += (text.empty() ? "" : ", ") + name;
  return text;
}

}  // namespace

SourceFile::SourceFile(std::string name_, std::filesystem::path path_, std::string text_)
    : name(std::move(name_)),
      path(std::move(path_)),
      text(strip_byte_order_mark(std::move(text_))) {
  line_starts.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') line_starts.push_back(i + 1);
  }
}

std::string SourceFile::line_text(int line0) const {
  if (line0 < 0 || static_cast<std::size_t>(line0) >= line_starts.size()) return {};
  const std::size_t start = line_starts[static_cast<std::size_t>(line0)];
  std::size_t end = text.find('\n', start);
  if (end == std::string::npos) end = text.size();
  if (end > start && text[end - 1] == '\r') --end;
  return text.substr(start, end - start);
}

std::string expected_quantity(const Dimension& dimension) {
  if (dimension.is_dimensionless()) return "a bare number";
  const NamedDimension* named = find_named_dimension(dimension);
  if (named == nullptr) return "a quantity of dimension " + describe(dimension) + " with its unit";
  return describe(dimension) + " with a unit such as " + std::string(named->typical_unit);
}

namespace {

// Records where each document starts; nothing else of the event stream.
class DocumentStarts : public YAML::EventHandler {
 public:
  std::vector<YAML::Mark> starts;

  void OnDocumentStart(const YAML::Mark& mark) override { starts.push_back(mark); }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

}  // namespace

std::optional<YAML::Node> Reader::parse() {
  try {
    // yaml-cpp 0.7's LoadAll never ends on a stray ',' at the top level: the
    // parser returns an empty document without consuming it, again and again.
    // So the documents are counted first, at most two, and a document that
    // starts where the previous one started is reported as the error it is.
    std::istringstream stream(file_.text);
    YAML::Parser parser(stream);
    DocumentStarts documents;
    while (documents.starts.size() < 2 && parser.HandleNextDocument(documents)) {
      const std::size_t n = documents.starts.size();
      if (n == 2 && documents.starts[1].pos <= documents.starts[0].pos) {
        const YAML::Mark at = documents.starts[1];
        const std::size_t pos = static_cast<std::size_t>(std::max(at.pos, 0));
        const std::string what = pos < file_.text.size() ? std::string(1, file_.text[pos]) : "";
        report(SourceMark{file_.name, at.line + 1, at.column + 1}, "", "valid YAML",
               "a syntax error: '" + what + "' where no value can start");
        return std::nullopt;
      }
    }
    if (documents.starts.size() > 1) {
      const YAML::Mark at = documents.starts[1];
      report(SourceMark{file_.name, at.line + 1, at.column + 1}, "", "one YAML document",
             "a second document (after '---')");
      return std::nullopt;
    }
    return YAML::Load(file_.text);
  } catch (const YAML::Exception& error) {
    SourceMark at{file_.name, error.mark.line + 1, error.mark.column + 1};
    if (error.mark.is_null()) at = SourceMark{file_.name, 0, 0};
    report(at, "", "valid YAML", "a syntax error: " + error.msg);
    return std::nullopt;
  }
}

SourceMark Reader::mark_of(const YAML::Node& node) const {
  const YAML::Mark mark = node.Mark();
  if (mark.is_null()) return SourceMark{file_.name, 0, 0};
  return SourceMark{file_.name, mark.line + 1, mark.column + 1};
}

SourceMark Reader::mark_of(const Entry& entry) const {
  if (entry.value.IsNull() || entry.value.Mark().is_null()) {
    SourceMark at = mark_of(entry.key_node);
    // Just past "key:", where the missing value belongs.
    if (at.line > 0 && entry.key_node.IsScalar()) {
      at.column += static_cast<int>(entry.key_node.Scalar().size()) + 1;
    }
    return at;
  }
  return mark_of(entry.value);
}

void Reader::report(const SourceMark& at, std::string path, std::string expected, std::string found,
                    std::string note) {
  diagnostics_.add(Diagnostic{file_.name, at.line, at.column, std::move(path), std::move(expected),
                              std::move(found), std::move(note), file_.line_text(at.line - 1)});
}

void Reader::report(const YAML::Node& at, std::string path, std::string expected, std::string found,
                    std::string note) {
  report(mark_of(at), std::move(path), std::move(expected), std::move(found), std::move(note));
}

std::optional<std::string> Reader::string(const Entry& entry, std::string_view expected) {
  if (!entry.value.IsScalar() || entry.value.Scalar().empty()) {
    report(mark_of(entry), entry.path, std::string(expected), node_kind(entry.value));
    return std::nullopt;
  }
  return entry.value.Scalar();
}

std::optional<ValueText> Reader::value_text(const Entry& entry, bool allow_provenance) {
  if (entry.value.IsScalar()) return ValueText{entry.value.Scalar(), entry.value, entry.path, {}};
  if (!allow_provenance || !entry.value.IsMap()) {
    report(mark_of(entry), entry.path,
           allow_provenance ? "a value with its unit, or {value: ..., source: ..., kind: ...}"
                            : "a value with its unit",
           node_kind(entry.value));
    return std::nullopt;
  }
  Section section(*this, entry.value, entry.path, {"value", "source", "kind"},
                  mark_of(entry.key_node), "a value with its provenance");
  ValueText value;
  value.path = entry.path + ".value";
  bool ok = true;
  if (const Entry* source = section.find("source")) {
    if (auto text = string(*source, "the value's source, e.g. \"Author et al., Journal (year)\"")) {
      value.provenance.source = *text;
    } else {
      ok = false;
    }
  }
  if (const Entry* kind = section.find("kind")) {
    const std::string text = kind->value.IsScalar() ? kind->value.Scalar() : "";
    if (text == "measured") {
      value.provenance.kind = ProvenanceKind::measured;
    } else if (text == "fitted") {
      value.provenance.kind = ProvenanceKind::fitted;
    } else if (text == "assumed") {
      value.provenance.kind = ProvenanceKind::assumed;
    } else {
      const std::vector<std::string> kinds{"measured", "fitted", "assumed"};
      const std::optional<std::string> nearest = nearest_name(text, kinds);
      report(mark_of(*kind), kind->path, "one of measured, fitted, assumed", node_kind(kind->value),
             nearest ? "did you mean '" + *nearest + "'?" : "");
      ok = false;
    }
  }
  const Entry* number = section.require("value", "the number with its unit, e.g. '4000 m/s'");
  if (number == nullptr || !section.is_map()) return std::nullopt;
  if (!number->value.IsScalar()) {
    report(mark_of(*number), number->path, "a value with its unit", node_kind(number->value));
    return std::nullopt;
  }
  if (!ok) return std::nullopt;
  value.text = number->value.Scalar();
  value.node = number->value;
  return value;
}

SourceMark Reader::scalar_mark(const YAML::Node& scalar, std::size_t offset) const {
  SourceMark at = mark_of(scalar);
  const YAML::Mark mark = scalar.Mark();
  if (at.line == 0) return at;
  bool quoted = false;
  if (mark.pos >= 0 && static_cast<std::size_t>(mark.pos) < file_.text.size()) {
    const char first = file_.text[static_cast<std::size_t>(mark.pos)];
    quoted = first == '"' || first == '\'';
    // Block scalars (| and >) start on the next line; point at the indicator.
    if (first == '|' || first == '>') return at;
  }
  const std::size_t line_length = file_.line_text(at.line - 1).size();
  // A plain scalar folded over lines keeps the caret on its first line.
  const std::size_t column = static_cast<std::size_t>(at.column - 1) + (quoted ? 1 : 0) + offset;
  at.column = static_cast<int>(std::min(column, line_length) + 1);
  return at;
}

std::optional<double> Reader::quantity_si(const ValueText& value, const Dimension& expected) {
  try {
    return parse_quantity_si(value.text, expected);
  } catch (const DimensionMismatchError& error) {
    std::string found = "'" + value.text + "'";
    if (!error.found().is_dimensionless()) {
      found += ", which is " + describe(error.found());
    } else {
      found += ", which has no unit";
    }
    report(scalar_mark(value.node, error.column()), value.path, expected_quantity(expected), found);
  } catch (const QuantityParseError& error) {
    report(scalar_mark(value.node, error.column()), value.path, expected_quantity(expected),
           "'" + value.text + "': " + error.what());
  } catch (const std::exception& error) {
    report(scalar_mark(value.node, 0), value.path, expected_quantity(expected),
           "'" + value.text + "': " + error.what());
  }
  return std::nullopt;
}

std::optional<Sourced<double>> Reader::quantity_si(const Entry& entry, const Dimension& expected,
                                                   bool allow_provenance) {
  std::optional<ValueText> value = value_text(entry, allow_provenance);
  if (!value) return std::nullopt;
  std::optional<double> si = quantity_si(*value, expected);
  if (!si) return std::nullopt;
  return Sourced<double>{*si, mark_of(value->node), value->provenance};
}

std::optional<Sourced<int>> Reader::integer(const Entry& entry, int minimum) {
  std::optional<Sourced<double>> number = quantity_si(entry, Dimension{});
  if (!number) return std::nullopt;
  const double value = number->value;
  if (value != std::floor(value) || value < minimum ||
      value > static_cast<double>(std::numeric_limits<int>::max())) {
    report(number->mark, entry.path, "a whole number of at least " + std::to_string(minimum),
           "'" + entry.value.Scalar() + "'");
    return std::nullopt;
  }
  return Sourced<int>{static_cast<int>(value), number->mark, {}};
}

Section::Section(Reader& reader, const YAML::Node& node, std::string path,
                 std::vector<std::string> allowed, SourceMark anchor, std::string_view what)
    : reader_(reader), path_(std::move(path)), anchor_(std::move(anchor)) {
  if (node.IsNull()) {
    is_map_ = true;
    return;
  }
  if (!node.IsMap()) {
    reader_.report(node.IsDefined() ? reader_.mark_of(node) : anchor_, path_,
                   "a map of keys: " + std::string(what), node_kind(node));
    return;
  }
  is_map_ = true;
  for (auto it = node.begin(); it != node.end(); ++it) {
    const YAML::Node key = it->first;
    if (!key.IsScalar()) {
      reader_.report(key, path_, "a plain key name", node_kind(key));
      continue;
    }
    const std::string name = key.Scalar();
    const std::string child = child_path(name);
    if (std::any_of(entries_.begin(), entries_.end(),
                    [&](const Entry& e) { return e.key == name; })) {
      const SourceMark first = reader_.mark_of(find(name)->key_node);
      reader_.report(key, child, "each key once",
                     "'" + name + "' again (first at line " + std::to_string(first.line) + ")");
      continue;
    }
    if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      std::optional<std::string> nearest = nearest_name(name, allowed);
      if (nearest) suggested_.push_back(*nearest);
      reader_.report(key, child, "one of the keys " + join(allowed), "unknown key '" + name + "'",
                     nearest ? "did you mean '" + *nearest + "'?" : "");
      continue;
    }
    entries_.push_back(Entry{name, child, key, it->second});
  }
}

const Entry* Section::find(std::string_view key) const {
  for (const Entry& entry : entries_) {
    if (entry.key == key) return &entry;
  }
  return nullptr;
}

const Entry* Section::require(std::string_view key, std::string_view description) {
  if (!is_map_) return nullptr;
  const Entry* entry = find(key);
  // A misspelt key was reported with this key as its suggestion: once is enough.
  const bool suggested = std::find(suggested_.begin(), suggested_.end(), key) != suggested_.end();
  if (entry == nullptr && !suggested) {
    reader_.report(anchor_, child_path(key),
                   "key '" + std::string(key) + "': " + std::string(description), "no such key");
  }
  return entry;
}

std::string Section::child_path(std::string_view key) const {
  return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

}  // namespace filmtherm::input
