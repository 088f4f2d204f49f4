#include "filmtherm/quantity_parser.h"

#include "unit_symbols.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <initializer_list>
#include <optional>

namespace filmtherm {

using detail::cat;
using detail::lookup_unit;
using detail::lookup_whole;
using detail::Prefix;
using detail::prefixes;
using detail::UnitScale;

QuantityParseError::QuantityParseError(const std::string& message, std::size_t column)
    : std::invalid_argument(message), column_(column) {}

DimensionMismatchError::DimensionMismatchError(const std::string& message, std::size_t column,
                                               const Dimension& expected, const Dimension& found)
    : QuantityParseError(message, column), expected_(expected), found_(found) {}

namespace {

constexpr int max_parenthesis_depth = 16;
// As large as a Dimension exponent may be, so every format_quantity output parses.
constexpr long long max_unit_power = Dimension::max_exponent;
// No double survives a unit of 10^10000; the bound keeps all exponent
// arithmetic far inside long long.
constexpr long long max_scale_exp10 = 10000;

struct UnitHint {
  std::string_view symbol;
  std::string_view hint;
};

constexpr std::array unit_hints{
    UnitHint{"degC", "temperature units are absolute: use K, not degC"},
    UnitHint{"\xC2\xB0\x43", "temperature units are absolute: use K, not \xC2\xB0\x43"},
    UnitHint{"\xE2\x84\x83", "temperature units are absolute: use K, not \xE2\x84\x83"},
    UnitHint{"Celsius", "temperature units are absolute: use K, not Celsius"},
    UnitHint{"celsius", "temperature units are absolute: use K, not Celsius"},
    UnitHint{"degF", "temperature units are absolute: use K, not degF"},
    UnitHint{"\xC2\xB0\x46", "temperature units are absolute: use K, not \xC2\xB0\x46"},
    UnitHint{"\xE2\x84\x89", "temperature units are absolute: use K, not \xE2\x84\x89"},
    UnitHint{"Fahrenheit", "temperature units are absolute: use K, not Fahrenheit"},
    UnitHint{"\xC2\xB0", "temperature units are absolute: use K, not degrees"},
    UnitHint{"deg", "temperature units are absolute: use K, not degrees"},
    UnitHint{"\xC2\xB0\x4B", "write kelvin as 'K', without a degree sign"},
    UnitHint{"degK", "write kelvin as 'K'"},
    UnitHint{"kelvin", "write 'K'"},
    UnitHint{"Kelvin", "write 'K'"},
    UnitHint{"k", "'k' is the kilo prefix; write 'K' for kelvin"},
    UnitHint{"\xC3\x85", "1 angstrom = 0.1 nm"},
    UnitHint{"\xE2\x84\xAB", "1 angstrom = 0.1 nm"},
    UnitHint{"Angstrom", "1 angstrom = 0.1 nm"},
    UnitHint{"angstrom", "1 angstrom = 0.1 nm"},
    UnitHint{"micron", "write 'um'"},
    UnitHint{"microns", "write 'um'"},
    UnitHint{"meter", "write 'm'"},
    UnitHint{"metre", "write 'm'"},
    UnitHint{"sec", "write 's'"},
    UnitHint{"min", "write times in s: 1 min = 60 s"},
    UnitHint{"h", "write times in s: 1 h = 3600 s ('H' is the henry)"},
    UnitHint{"ev", "write 'eV'"},
    UnitHint{"hz", "write 'Hz'"},
    UnitHint{"ohms", "write 'Ohm'"},
    UnitHint{"e", "an exponent needs digits, e.g. '6e-9'"}};

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
// ASCII only, whatever the C locale says.
bool is_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

std::string unit_hint(std::string_view symbol) {
  for (const UnitHint& entry : unit_hints) {
    if (entry.symbol == symbol) return cat(": ", entry.hint);
  }
  if (symbol.size() > 1 && symbol.front() == 'K' && lookup_whole(symbol.substr(1))) {
    return cat(": the kilo prefix is lower-case, write 'k", symbol.substr(1), "'");
  }
  for (const Prefix& prefix : prefixes) {
    if (prefix.symbol == symbol) {
      return cat(": '", symbol, "' is an SI prefix and needs a unit right after it, e.g. '", symbol,
                 "m'");
    }
  }
  return " (known units: m g s A K mol rad Hz N J W Pa C V Ohm F H S eV, each with an optional "
         "SI prefix such as n, u, m, k)";
}

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return std::string(text.substr(first, text.find_last_not_of(" \t") - first + 1));
}

std::string hex_byte(unsigned char byte) {
  constexpr std::string_view hex = "0123456789ABCDEF";
  return cat("0x", hex[byte >> 4], hex[byte & 0xF]);
}

// The text for messages: trimmed, control bytes escaped, long input shortened.
std::string quote(std::string_view text) {
  constexpr std::size_t max_quoted_bytes = 80;
  std::string shown = trimmed(text);
  const bool shortened = shown.size() > max_quoted_bytes;
  if (shortened) {
    std::size_t cut = max_quoted_bytes;
    while (cut > 0 && (static_cast<unsigned char>(shown[cut]) & 0xC0) == 0x80) --cut;
    shown.resize(cut);
  }
  std::string out = "'";
  for (char c : shown) {
    const auto byte = static_cast<unsigned char>(c);
    out += byte < 0x20 || byte == 0x7F ? cat("\\x", hex_byte(byte).substr(2)) : std::string(1, c);
  }
  return cat(out, shortened ? "...'" : "'");
}

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  struct Result {
    double value_si;
    Dimension dimension;
    bool has_unit;
    std::size_t number_end;
    std::size_t unit_start;
  };

  Result parse() {
    skip_spaces();
    if (at_end()) fail(pos_, "empty quantity: expected a number followed by a unit, e.g. '6 nm'");
    const Decimal number = scan_number();
    const std::size_t number_end = pos_;
    skip_spaces();
    const std::size_t unit_start = pos_;
    const bool has_unit = !at_end();
    UnitScale unit;
    if (has_unit) {
      unit = parse_expression("the number");
      skip_spaces();
      if (at(')')) fail(pos_, cat("unmatched ')' in ", quote(text_)));
      if (!at_end())
        fail(pos_, cat("unexpected ", describe_char(pos_), " after the unit in ", quote(text_)));
    }
    return {to_si(number, unit), unit.dimension, has_unit, number_end, unit_start};
  }

 private:
  // value = digits * 10^exp10, digits without the decimal point.
  struct Decimal {
    bool negative = false;
    std::string digits;
    long long exp10 = 0;
    std::size_t start = 0;
  };

  std::string_view text_;
  std::size_t pos_ = 0;
  int depth_ = 0;

  [[noreturn]] static void fail(std::size_t column, const std::string& message) {
    throw QuantityParseError(message, column);
  }

  bool at_end() const { return pos_ >= text_.size(); }
  bool at(char c) const { return pos_ < text_.size() && text_[pos_] == c; }
  bool digit_at(std::size_t at) const { return at < text_.size() && is_digit(text_[at]); }
  bool has(std::size_t at, std::string_view s) const {
    return at <= text_.size() && text_.substr(at).starts_with(s);
  }
  std::size_t length_of_any(std::size_t at, std::initializer_list<std::string_view> set) const {
    for (std::string_view s : set) {
      if (has(at, s)) return s.size();
    }
    return 0;
  }
  // Space, tab, no-break space, thin space, narrow no-break space.
  std::size_t space_length(std::size_t at) const {
    return length_of_any(at, {" ", "\t", "\xC2\xA0", "\xE2\x80\x89", "\xE2\x80\xAF"});
  }
  // '*', middle dot U+00B7, dot operator U+22C5.
  std::size_t product_length(std::size_t at) const {
    return length_of_any(at, {"*", "\xC2\xB7", "\xE2\x8B\x85"});
  }
  // Hyphen-minus or U+2212 minus sign.
  std::size_t minus_length(std::size_t at) const {
    return length_of_any(at, {"-", "\xE2\x88\x92"});
  }
  // Letters, micro sign, mu, omega, ohm sign, and the degree and angstrom
  // signs, which are read only to be rejected with a hint.
  std::size_t symbol_char_length(std::size_t at) const {
    if (at < text_.size() && is_letter(text_[at])) return 1;
    return length_of_any(at, {"\xC2\xB5", "\xCE\xBC", "\xCE\xA9", "\xE2\x84\xA6", "\xC2\xB0",
                              "\xE2\x84\x83", "\xE2\x84\x89", "\xC3\x85", "\xE2\x84\xAB"});
  }
  bool starts_factor(std::size_t at) const { return symbol_char_length(at) > 0 || has(at, "("); }
  void skip_spaces() {
    while (std::size_t n = space_length(pos_)) pos_ += n;
  }

  std::string describe_char(std::size_t at) const {
    if (at >= text_.size()) return "the end of the text";
    const auto byte = static_cast<unsigned char>(text_[at]);
    if (byte >= 0x20 && byte < 0x7F) return cat("'", text_[at], "'");
    const std::size_t length = byte >= 0xF0 && byte <= 0xF4   ? 4
                               : byte >= 0xE0 && byte <= 0xEF ? 3
                               : byte >= 0xC2 && byte <= 0xDF ? 2
                                                              : 0;
    bool valid = length > 0 && at + length <= text_.size();
    for (std::size_t i = 1; valid && i < length; ++i) {
      valid = (static_cast<unsigned char>(text_[at + i]) & 0xC0) == 0x80;
    }
    return valid ? cat("'", text_.substr(at, length), "'") : cat("byte ", hex_byte(byte));
  }

  Decimal scan_number() {
    Decimal number;
    number.start = pos_;
    if (std::size_t n = minus_length(pos_)) {
      number.negative = true;
      pos_ += n;
    } else if (at('+')) {
      ++pos_;
    }
    std::size_t word_end = pos_;
    while (word_end < text_.size() && is_letter(text_[word_end])) ++word_end;
    std::string word(text_.substr(pos_, word_end - pos_));
    for (char& c : word) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    if (word == "nan" || word == "inf" || word == "infinity") {
      fail(number.start,
           cat("not a finite number: ", quote(text_.substr(number.start, word_end - number.start)),
               " in ", quote(text_)));
    }
    long long fraction_digits = 0;
    while (digit_at(pos_)) number.digits += text_[pos_++];
    if (at('.')) {
      ++pos_;
      for (; digit_at(pos_); ++fraction_digits) number.digits += text_[pos_++];
    }
    if (number.digits.empty()) {
      fail(number.start, cat("expected a number at the start of ", quote(text_), ", e.g. '6 nm'"));
    }
    long long exponent = 0;
    if (at('e') || at('E')) {
      std::size_t after = pos_ + 1;
      const std::size_t minus = minus_length(after);
      after += minus > 0 ? minus : (has(after, "+") ? 1 : 0);
      if (digit_at(after)) {
        // Saturates: an exponent this large over- or underflows whatever the digits.
        for (pos_ = after; digit_at(pos_); ++pos_) {
          exponent = std::min(exponent * 10 + (text_[pos_] - '0'), 1'000'000'000'000LL);
        }
        if (minus > 0) exponent = -exponent;
      }
    }
    number.exp10 = exponent - fraction_digits;
    return number;
  }

  double to_si(const Decimal& number, const UnitScale& unit) const {
    const std::size_t first_significant = number.digits.find_first_not_of('0');
    if (first_significant == std::string::npos) return number.negative ? -0.0 : 0.0;
    const std::string_view significant = std::string_view(number.digits).substr(first_significant);
    const auto length = static_cast<long long>(significant.size());
    // Clamping keeps an out-of-range value out of range and changes no in-range one.
    const long long exp10 = std::clamp(number.exp10 + unit.exp10, -(length + 400), 400LL);
    const std::string decimal = cat(significant, "e", std::to_string(exp10));
    double magnitude = 0.0;
    const auto result = std::from_chars(decimal.data(), decimal.data() + decimal.size(), magnitude);
    bool overflow = length - 1 + exp10 > 0;
    if (result.ec == std::errc{}) {
      magnitude *= unit.mantissa;
      overflow = !std::isfinite(magnitude);
    }
    if (result.ec != std::errc{} || !std::isfinite(magnitude) || magnitude == 0.0) {
      fail(number.start, cat(quote(text_), overflow ? " overflows" : " underflows to zero in",
                             " a double in SI units (magnitudes from about 1e-308 to 1e308)"));
    }
    return number.negative ? -magnitude : magnitude;
  }

  template <class DimensionOperation>
  UnitScale checked(DimensionOperation operation, long long exp10, double mantissa,
                    std::size_t column) const {
    UnitScale result{{}, exp10, mantissa};
    try {
      result.dimension = operation();
    } catch (const std::overflow_error&) {
      fail(column, cat("a dimension exponent of the unit in ", quote(text_), " exceeds ",
                       std::to_string(Dimension::max_exponent)));
    }
    if (exp10 > max_scale_exp10 || exp10 < -max_scale_exp10 || !std::isfinite(mantissa) ||
        mantissa == 0.0) {
      fail(column, cat("the unit in ", quote(text_), " is too large or too small for a double"));
    }
    return result;
  }
  UnitScale multiply(const UnitScale& a, const UnitScale& b, std::size_t column) const {
    return checked([&] { return a.dimension * b.dimension; }, a.exp10 + b.exp10,
                   a.mantissa * b.mantissa, column);
  }
  UnitScale divide(const UnitScale& a, const UnitScale& b, std::size_t column) const {
    return checked([&] { return a.dimension / b.dimension; }, a.exp10 - b.exp10,
                   a.mantissa / b.mantissa, column);
  }
  UnitScale raise(const UnitScale& a, int power, std::size_t column) const {
    return checked([&] { return pow(a.dimension, power); }, a.exp10 * power,
                   std::pow(a.mantissa, power), column);
  }

  // expression := [product] { '/' factor }; a leading '/' means "1/".
  UnitScale parse_expression(std::string_view after) {
    const std::size_t start = pos_;
    UnitScale result;
    if (!at('/')) result = parse_product(after);
    while (true) {
      std::size_t save = pos_;
      skip_spaces();
      if (!at('/')) {
        pos_ = save;
        return result;
      }
      const std::size_t slash = pos_++;
      skip_spaces();
      const std::size_t divisor_start = pos_;
      result = divide(result, parse_factor("'/'"), divisor_start);
      save = pos_;
      skip_spaces();
      if (product_length(pos_) > 0 || starts_factor(pos_)) {
        fail_ambiguous(start, slash, divisor_start, save);
      }
      pos_ = save;
    }
  }

  // "W/m^2 K" is W K/m^2 to some readers and W/(m^2 K) to others: refuse to guess.
  [[noreturn]] void fail_ambiguous(std::size_t start, std::size_t slash, std::size_t divisor_start,
                                   std::size_t divisor_end) {
    const std::size_t column = pos_;
    pos_ += product_length(pos_);
    skip_spaces();
    const std::size_t next_start = pos_;
    try {
      parse_factor("");
    } catch (const QuantityParseError&) {
    }
    fail(column, cat("ambiguous unit in ", quote(text_),
                     ": a product after '/' has no agreed meaning; put the whole denominator in "
                     "parentheses, e.g. '",
                     trimmed(text_.substr(start, slash - start)), "/(",
                     text_.substr(divisor_start, divisor_end - divisor_start), " ",
                     text_.substr(next_start, pos_ - next_start), ")'"));
  }

  // product := factor { (space | '*' | '·') factor }
  UnitScale parse_product(std::string_view after) {
    UnitScale result = parse_factor(after);
    while (true) {
      const std::size_t save = pos_;
      skip_spaces();
      if (const std::size_t n = product_length(pos_)) {
        const std::string op = cat("'", text_.substr(pos_, n), "'");
        pos_ += n;
        if (at('*')) fail(pos_, cat("write powers with '^', not '**', in ", quote(text_)));
        skip_spaces();
        const std::size_t factor_start = pos_;
        result = multiply(result, parse_factor(op), factor_start);
      } else if (starts_factor(pos_)) {
        const std::size_t factor_start = pos_;
        result = multiply(result, parse_factor("a space"), factor_start);
      } else {
        pos_ = save;
        return result;
      }
    }
  }

  // factor := (symbol | '(' expression ')') [power]
  UnitScale parse_factor(std::string_view after) {
    const std::size_t start = pos_;
    UnitScale base;
    if (at('(')) {
      if (depth_ >= max_parenthesis_depth) {
        fail(pos_, cat("parentheses in ", quote(text_), " are nested deeper than ",
                       std::to_string(max_parenthesis_depth), " levels"));
      }
      ++depth_;
      ++pos_;
      skip_spaces();
      base = parse_expression("'('");
      skip_spaces();
      if (!at(')')) {
        fail(pos_, cat("expected ')' to close the '(' at column ", std::to_string(start), " in ",
                       quote(text_), ", found ", describe_char(pos_)));
      }
      ++pos_;
      --depth_;
    } else if (symbol_char_length(pos_) > 0) {
      base = parse_symbol();
    } else {
      const bool one_over = at('1') && has(pos_ + 1, "/");
      fail(pos_, cat("expected a unit after ", after, " in ", quote(text_), ", found ",
                     describe_char(pos_), at(',') ? " (write decimals with '.')" : "",
                     one_over ? " (drop the 1: write '/s' or 's^-1')" : ""));
    }
    const std::size_t save = pos_;
    skip_spaces();
    if (at('^')) {
      ++pos_;
      return raise(base, parse_caret_power(), start);
    }
    pos_ = save;
    if (superscript_digit(pos_) >= 0 || has(pos_, "\xE2\x81\xBB") || has(pos_, "\xE2\x81\xBA")) {
      return raise(base, parse_superscript_power(), start);
    }
    return base;
  }

  UnitScale parse_symbol() {
    const std::size_t start = pos_;
    while (const std::size_t n = symbol_char_length(pos_)) pos_ += n;
    const std::string_view symbol = text_.substr(start, pos_ - start);
    const std::optional<UnitScale> unit = lookup_unit(symbol);
    if (!unit)
      fail(start, cat("unknown unit ", quote(symbol), " in ", quote(text_), unit_hint(symbol)));
    std::size_t end = pos_ + (minus_length(pos_) > 0 ? minus_length(pos_) : has(pos_, "+") ? 1 : 0);
    if (digit_at(end)) {
      while (digit_at(end)) ++end;
      fail(pos_, cat("write powers with '^': '", symbol, "^", text_.substr(pos_, end - pos_),
                     "', not '", text_.substr(start, end - start), "', in ", quote(text_)));
    }
    return *unit;
  }

  int bounded_power(bool negative, std::size_t digits_start, std::size_t digits_end,
                    long long magnitude) const {
    if (digits_end == digits_start) {
      fail(pos_,
           cat("expected an integer power in ", quote(text_), ", found ", describe_char(pos_)));
    }
    if (at('.')) fail(digits_start, cat("unit powers must be integers, in ", quote(text_)));
    if (magnitude > max_unit_power) {
      fail(digits_start,
           cat("power ", text_.substr(digits_start, digits_end - digits_start), " in ",
               quote(text_), " is out of range: unit powers are integers from -",
               std::to_string(max_unit_power), " to ", std::to_string(max_unit_power)));
    }
    return static_cast<int>(negative ? -magnitude : magnitude);
  }

  // After '^': 3, -3, +3, (-3).
  int parse_caret_power() {
    skip_spaces();
    const bool parenthesised = at('(');
    if (parenthesised) ++pos_;
    const std::size_t minus = minus_length(pos_);
    pos_ += minus > 0 ? minus : (at('+') ? 1 : 0);
    const std::size_t digits_start = pos_;
    long long magnitude = 0;
    for (; digit_at(pos_); ++pos_) {
      magnitude = std::min(magnitude * 10 + (text_[pos_] - '0'), 1000LL);
    }
    const int power = bounded_power(minus > 0, digits_start, pos_, magnitude);
    if (parenthesised) {
      if (at('/')) fail(digits_start, cat("unit powers must be integers, in ", quote(text_)));
      if (!at(')')) {
        fail(pos_, cat("expected ')' after the power in ", quote(text_), ", found ",
                       describe_char(pos_)));
      }
      ++pos_;
    }
    return power;
  }

  // Superscript digits U+2070, U+00B9, U+00B2, U+00B3, U+2074..U+2079; sign U+207B or U+207A.
  int superscript_digit(std::size_t at) const {
    if (has(at, "\xC2\xB9")) return 1;
    if (has(at, "\xC2\xB2")) return 2;
    if (has(at, "\xC2\xB3")) return 3;
    if (has(at, "\xE2\x81") && at + 2 < text_.size()) {
      const auto last = static_cast<unsigned char>(text_[at + 2]);
      if (last == 0xB0) return 0;
      if (last >= 0xB4 && last <= 0xB9) return last - 0xB0;
    }
    return -1;
  }

  int parse_superscript_power() {
    const bool negative = has(pos_, "\xE2\x81\xBB");
    if (negative || has(pos_, "\xE2\x81\xBA")) pos_ += 3;
    const std::size_t digits_start = pos_;
    long long magnitude = 0;
    for (int digit = superscript_digit(pos_); digit >= 0; digit = superscript_digit(pos_)) {
      magnitude = std::min(magnitude * 10 + digit, 1000LL);
      pos_ += has(pos_, "\xE2\x81") ? 3 : 2;
    }
    return bounded_power(negative, digits_start, pos_, magnitude);
  }
};

}  // namespace

ParsedQuantity parse_quantity(std::string_view text) {
  const Parser::Result result = Parser(text).parse();
  return {result.value_si, result.dimension};
}

double parse_quantity_si(std::string_view text, const Dimension& expected) {
  const Parser::Result result = Parser(text).parse();
  if (result.dimension == expected) return result.value_si;
  if (!result.has_unit) {
    const NamedDimension* named = find_named_dimension(expected);
    throw DimensionMismatchError(
        cat(quote(text), " has no unit: expected ", describe(expected), ", e.g. '",
            trimmed(text.substr(0, result.number_end)), " ",
            named != nullptr ? std::string(named->typical_unit) : base_unit_form(expected), "'"),
        result.number_end, expected, result.dimension);
  }
  std::string hint;
  if (expected == Dimension{.kelvin = 1} && result.dimension == lookup_whole("C")->dimension) {
    hint = " (temperature units are absolute: use K, not degC)";
  } else if (expected == Dimension{.kelvin = 1} &&
             result.dimension == lookup_whole("F")->dimension) {
    hint = " (temperature units are absolute: use K, not degF)";
  } else if (expected == Dimension{.metre = 1} && result.dimension == Dimension{.ampere = 1}) {
    hint = " ('A' is the ampere; 1 angstrom = 0.1 nm)";
  }
  throw DimensionMismatchError(cat("expected ", describe(expected), ", got ", quote(text),
                                   ", which is ", describe(result.dimension), hint),
                               result.unit_start, expected, result.dimension);
}

}  // namespace filmtherm
