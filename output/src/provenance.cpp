#include "filmtherm/provenance.h"

#include <fmt/format.h>

#include <cstdint>
#include <fstream>
#include <iterator>
#include <set>

#include "filmtherm/device_loader.h"
#include "filmtherm/dimension.h"
#include "filmtherm/version.h"

namespace filmtherm {

namespace {

std::string plugin_label(const std::string& name, const std::string& version,
                         const std::string& file) {
  return fmt::format("{} {} ({})", name, version, file);
}

// "m s^-1" for a named dimension, else the base-unit form "kg m^2 s^-3 K^-1".
std::string si_unit(const Dimension& dimension) {
  const NamedDimension* named = find_named_dimension(dimension);
  return named != nullptr ? std::string(named->si_unit) : base_unit_form(dimension);
}

std::string place(const SourceMark& mark) {
  return mark.file.empty() ? std::string()
                           : fmt::format("{}:{}:{}", mark.file, mark.line, mark.column);
}

ModelRecord model_record(const std::string& property, const ModelChoice& choice,
                         const PluginRegistry& registry) {
  const ModelDescriptor& descriptor = registry.model(choice.model);
  ModelRecord record{property,
                     choice.model,
                     plugin_label(descriptor.plugin_name(), "", descriptor.plugin_path()),
                     descriptor.reference(),
                     {}};
  for (const auto& plugin : registry.plugins()) {
    if (plugin->path() == descriptor.plugin_path()) {
      record.plugin = plugin_label(plugin->name(), plugin->version(), plugin->path());
    }
  }
  // The values the model was built with, defaults included, in SI.
  const ModelInstance instance = descriptor.instantiate(choice.parameters);
  const std::vector<ModelParameter>& declared = descriptor.parameters();
  for (std::size_t i = 0; i < declared.size(); ++i) {
    ParameterRecord parameter{
        declared[i].name, "", instance.parameter_values_si()[i], si_unit(declared[i].dimension), "",
        "default",        ""};
    for (std::size_t k = 0; k < choice.parameters.size(); ++k) {
      if (choice.parameters[k].name != declared[i].name) continue;
      parameter.as_written = choice.parameters[k].text;
      if (k < choice.parameter_provenance.size()) {
        parameter.source = choice.parameter_provenance[k].source;
        parameter.kind = std::string(provenance_kind_name(choice.parameter_provenance[k].kind));
      } else {
        parameter.kind = std::string(provenance_kind_name(ProvenanceKind::unspecified));
      }
      if (k < choice.parameter_marks.size())
        parameter.written_at = place(choice.parameter_marks[k]);
    }
    record.parameters.push_back(std::move(parameter));
  }
  return record;
}

InputFileRecord input_record(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  std::error_code error;
  const std::filesystem::path absolute = std::filesystem::absolute(file, error);
  return {(error ? file : absolute).string(), in ? text_hash(text) : std::string("unreadable")};
}

}  // namespace

std::string text_hash(std::string_view text) {
  std::uint64_t hash = 14695981039346656037ULL;
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  return fmt::format("{:016x}", hash);
}

RunProvenance run_provenance(const Device& device, const PluginRegistry& registry) {
  RunProvenance provenance{std::string(version()), std::string(source_revision()), {}, {}, {}};
  for (const auto& plugin : registry.plugins()) {
    provenance.plugins.push_back(plugin_label(plugin->name(), plugin->version(), plugin->path()));
  }
  const Material& material = device.material;
  provenance.models.push_back(
      model_record("phonon_heat_capacity", material.phonon_heat_capacity, registry));
  provenance.models.push_back(
      model_record("electron_heat_capacity", material.electron_heat_capacity, registry));
  provenance.models.push_back(
      model_record("electron_phonon_power", material.electron_phonon_power, registry));
  if (material.thermal_conductivity) {
    provenance.models.push_back(
        model_record("thermal_conductivity", *material.thermal_conductivity, registry));
  }
  provenance.models.push_back(
      model_record("phonon_escape_power", device.bath.phonon_escape, registry));
  // The device file and the file that defines its material (an imported library).
  std::set<std::string> seen;
  for (const std::filesystem::path& file :
       {device.source_file, std::filesystem::path(material.mark.file)}) {
    if (file.empty()) continue;
    InputFileRecord record = input_record(file);
    if (seen.insert(record.file).second) provenance.inputs.push_back(std::move(record));
  }
  return provenance;
}

}  // namespace filmtherm
