// What produced a run, for its summary.json: the filmtherm version and source
// revision, every plugin loaded (name, version, file), and for every material
// property the model, the plugin that supplied it and each of its parameters
// (as written, in SI, with its literature source and where it was written),
// and the input files with a hash of their text, so that a summary alone says
// exactly what produced it and whether its inputs have changed since.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "filmtherm/device.h"
#include "filmtherm/plugin_registry.h"

namespace filmtherm {

struct ParameterRecord {
  std::string name;
  std::string as_written;  ///< the text of the input file ("4000 m/s"); "" for a default
  double value_si = 0.0;   ///< NaN for an optional parameter left out
  std::string si_unit;     ///< "m s^-1"; "" when dimensionless
  std::string source;      ///< the literature source the input file gives
  std::string kind;        ///< measured, fitted, assumed, unspecified; "default"
  std::string written_at;  ///< "file:line:column"; "" for a default
};

struct ModelRecord {
  std::string property;  ///< "phonon_heat_capacity", ...
  std::string model;
  std::string plugin;  ///< "name version (file)"
  std::string reference;
  std::vector<ParameterRecord> parameters;
};

struct InputFileRecord {
  std::string file;  ///< absolute
  std::string fnv1a64;
};

struct RunProvenance {
  std::string filmtherm_version;
  std::string source_revision;
  std::vector<std::string> plugins;  ///< "name version (file)"
  std::vector<ModelRecord> models;
  std::vector<InputFileRecord> inputs;
};

/// FNV-1a 64 of `text` as 16 lower-case hex digits: a fingerprint of an
/// input's text (not a cryptographic hash).
std::string text_hash(std::string_view text);

/// Collects the provenance of a run of `device` with the models of `registry`.
/// Throws ParameterError when a model refuses its parameters (the device
/// loader has checked them, so only for a registry other than the loader's).
RunProvenance run_provenance(const Device& device, const PluginRegistry& registry);

}  // namespace filmtherm
