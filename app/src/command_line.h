// Command-line conveniences: "--thickness 6 nm" typed without quotes arrives as
// two arguments; they are joined back into "6 nm" before parsing.
#pragma once

#include <string>
#include <vector>

namespace filmtherm::cli {

/// argv[1..] with every bare number that is followed by unit expressions
/// ("6", "nm"; "4000", "m", "s^-1") joined into one argument ("6 nm",
/// "4000 m s^-1"). A following argument counts as a unit when "1 <it>" parses
/// as a quantity with a dimension.
/// The result is in CLI11's order for App::parse(std::vector<std::string>&):
/// reversed.
std::vector<std::string> join_values_with_units(int argc, char** argv);

}  // namespace filmtherm::cli
