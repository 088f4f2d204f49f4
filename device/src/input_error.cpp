#include "filmtherm/input_error.h"

#include <algorithm>
#include <map>

namespace filmtherm {

namespace {

// The caret is placed under the column counted in characters, not bytes, so a
// line with a 'µ' before the problem still lines up; tabs are copied so they
// expand as in the line above.
std::string caret_line(const std::string& source_line, int column) {
  std::string caret;
  const std::size_t end = std::min(source_line.size(), static_cast<std::size_t>(column - 1));
  for (std::size_t i = 0; i < end; ++i) {
    const unsigned char byte = static_cast<unsigned char>(source_line[i]);
    if ((byte & 0xC0) == 0x80) continue;
    caret += byte == '\t' ? '\t' : ' ';
  }
  return caret + '^';
}

}  // namespace

std::string Diagnostic::message() const {
  std::string text = "expected " + expected + ", found " + found;
  if (!note.empty()) text += "; " + note;
  return text;
}

std::string Diagnostic::format() const {
  std::string text = file;
  if (line > 0) {
    text += ':' + std::to_string(line);
    if (column > 0) text += ':' + std::to_string(column);
  }
  text += ": ";
  if (!key_path.empty()) text += key_path + ": ";
  text += message();
  if (line > 0 && !source_line.empty()) {
    text += "\n    " + source_line;
    if (column > 0) text += "\n    " + caret_line(source_line, column);
  }
  return text;
}

void DiagnosticList::add(Diagnostic diagnostic) {
  diagnostics_.push_back(std::move(diagnostic));
}

void DiagnosticList::throw_if_any() const {
  if (diagnostics_.empty()) return;
  std::map<std::string, std::size_t> file_order;
  for (const Diagnostic& d : diagnostics_) file_order.emplace(d.file, file_order.size());
  std::vector<Diagnostic> sorted = diagnostics_;
  std::stable_sort(sorted.begin(), sorted.end(), [&](const Diagnostic& a, const Diagnostic& b) {
    const std::size_t fa = file_order.at(a.file);
    const std::size_t fb = file_order.at(b.file);
    if (fa != fb) return fa < fb;
    if (a.line != b.line) return a.line < b.line;
    return a.column < b.column;
  });
  throw InputError(std::move(sorted));
}

std::string format_diagnostics(std::span<const Diagnostic> diagnostics) {
  std::string text;
  for (const Diagnostic& d : diagnostics) {
    if (!text.empty()) text += '\n';
    text += d.format();
  }
  return text;
}

InputError::InputError(std::vector<Diagnostic> diagnostics)
    : std::invalid_argument(format_diagnostics(diagnostics)),
      diagnostics_(std::move(diagnostics)) {}

}  // namespace filmtherm
