#include "check_command.h"

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <iostream>
#include <sstream>

#include "cli_error.h"
#include "filmtherm/device_loader.h"
#include "filmtherm/dimension.h"
#include "filmtherm/input_error.h"
#include "filmtherm/quantity_parser.h"
#include "filmtherm/study.h"
#include "study_check.h"

namespace filmtherm::cli {

namespace {

std::string origin(const SourceMark& mark) {
  if (mark.file.empty()) return "default";
  return mark.line > 0 ? fmt::format("{}:{}", mark.file, mark.line) : mark.file;
}

std::string provenance_text(const Provenance& provenance) {
  if (provenance.kind == ProvenanceKind::unspecified && provenance.source.empty()) return "";
  std::string text(provenance_kind_name(provenance.kind));
  if (!provenance.source.empty()) text += ": " + provenance.source;
  return text;
}

// The typed text re-read and printed in a canonical unit, so "0.006 um" shows as "6 nm".
std::string canonical(const std::string& text) {
  try {
    const ParsedQuantity quantity = parse_quantity(text);
    // A dimension without a name would print in base units ("kg s^-3 K^-4"): keep the user's unit.
    if (find_named_dimension(quantity.dimension) == nullptr) return text;
    return format_quantity(quantity.value_si, quantity.dimension);
  } catch (const QuantityParseError&) {
    return text;
  }
}

class Printer {
 public:
  explicit Printer(std::ostream& out) : out_(out) {}

  void heading(const std::string& title, const SourceMark& mark) {
    if (mark.file.empty()) {
      out_ << fmt::format("\n{}\n", title);
    } else {
      out_ << fmt::format("\n{:<58} {}\n", title, origin(mark));
    }
  }
  void row(int indent, const std::string& key, const std::string& value, const SourceMark& mark,
           const Provenance& provenance = {}) {
    const std::string label = std::string(static_cast<std::size_t>(indent), ' ') + key;
    out_ << fmt::format("{:<37} {:<20} {}\n", label, value, origin(mark));
    const std::string source = provenance_text(provenance);
    if (!source.empty()) out_ << fmt::format("{:<37} {}\n", "", source);
  }
  template <class Q>
  void quantity(int indent, const std::string& key, const Sourced<Q>& value) {
    row(indent, key, format_quantity(value.value), value.mark, value.provenance);
  }
  template <class Q>
  void quantity(int indent, const std::string& key, const std::optional<Sourced<Q>>& value) {
    if (value) quantity(indent, key, *value);
  }
  void model(int indent, const std::string& key, const ModelChoice& choice) {
    row(indent, key, choice.model, choice.mark);
    for (std::size_t i = 0; i < choice.parameters.size(); ++i) {
      row(indent + 2, choice.parameters[i].name, canonical(choice.parameters[i].text),
          choice.parameter_marks[i],
          i < choice.parameter_provenance.size() ? choice.parameter_provenance[i] : Provenance{});
    }
  }
  void material(const Material& m) {
    heading("material " + m.name, m.mark);
    quantity(2, "critical_temperature", m.critical_temperature);
    quantity(2, "normal_resistivity", m.normal_resistivity);
    model(2, "phonon_heat_capacity", m.phonon_heat_capacity);
    model(2, "electron_heat_capacity", m.electron_heat_capacity);
    model(2, "electron_phonon_power", m.electron_phonon_power);
    if (m.thermal_conductivity) model(2, "thermal_conductivity", *m.thermal_conductivity);
  }
  void device(const Device& d) {
    const SourceMark file{d.source_file.string(), 0, 0};
    heading(fmt::format("device {} ({})", d.name, device_model_name(d.model)), file);
    heading("film", {});
    row(2, "material", d.material.name, d.material.mark);
    quantity(2, "thickness", d.film.thickness);
    quantity(2, "width", d.film.width);
    quantity(2, "length", d.film.length);
    heading("substrate", {});
    quantity(2, "temperature", d.bath.temperature);
    model(2, "phonon_escape", d.bath.phonon_escape);
    heading("photon", {});
    row(2, "energy", format_quantity(d.photon.energy.value), d.photon.energy.mark);
    row(2, "absorbed_fraction", fmt::format("{}", d.photon.absorbed_fraction.value),
        d.photon.absorbed_fraction.mark, d.photon.absorbed_fraction.provenance);
    quantity(2, "hotspot_length", d.photon.hotspot_length);
    quantity(2, "hotspot_radius", d.photon.hotspot_radius);
    quantity(2, "hotspot_temperature", d.photon.hotspot_temperature);
    quantity(2, "arrival_time", d.photon.arrival_time);
    quantity(2, "pulse_width", d.photon.pulse_width);
    if (d.circuit) {
      heading("circuit", {});
      quantity(2, "bias_current", d.circuit->bias_current);
      quantity(2, "load_resistance", d.circuit->load_resistance);
      quantity(2, "kinetic_inductance", d.circuit->kinetic_inductance);
      quantity(2, "bias_tee_capacitance", d.circuit->bias_tee_capacitance);
      quantity(2, "critical_current", d.circuit->critical_current);
    }
    heading("solver", {});
    quantity(2, "end_time", d.solver.end_time);
    row(2, "relative_tolerance", fmt::format("{}", d.solver.relative_tolerance.value),
        d.solver.relative_tolerance.mark);
    quantity(2, "absolute_tolerance", d.solver.absolute_tolerance);
    row(2, "max_steps", std::to_string(d.solver.max_steps.value), d.solver.max_steps.mark);
    row(2, "output spacing", d.solver.output_spacing == OutputSpacing::linear ? "linear" : "log",
        {});
    row(2, "output count", std::to_string(d.solver.output_count.value), d.solver.output_count.mark);
    if (d.solver.output_spacing == OutputSpacing::logarithmic) {
      quantity(2, "first output time", d.solver.first_output_time);
    }
    heading("output", {});
    std::string formats;
    if (d.output.csv) formats += " csv";
    if (d.output.json) formats += " json";
    if (d.output.plot) formats += " plot";
    out_ << fmt::format("{:<37} {}\n{:<37}{}\n", "  folder", d.output.folder.string(), "  formats",
                        formats);
    if (!d.compare_phonon_models.empty()) {
      std::string models;
      for (const auto& m : d.compare_phonon_models) models += " " + m;
      out_ << fmt::format("{:<37}{}\n", "  compare_phonons", models);
    }
    material(d.material);
  }

 private:
  std::ostream& out_;
};

}  // namespace

CLI::App* add_check_command(CLI::App& app, CheckOptions& options) {
  CLI::App* command = app.add_subcommand(
      "check", "Validate a device file or material library and print it resolved, with origins");
  command->add_option("file", options.file, "The YAML device or material library file")->required();
  command->add_option("--plugin", options.plugin_paths, "Also load this plugin file or folder")
      ->allow_extra_args(false);  // one path per --plugin: a following word is not a plugin
  return command;
}

int run_check(const CheckOptions& options) {
  std::vector<std::filesystem::path> extra(options.plugin_paths.begin(),
                                           options.plugin_paths.end());
  const PluginRegistry registry = PluginRegistry::with_default_plugins(extra);
  if (is_study_file(options.file)) return check_study(options.file, registry);
  // Everything goes to a buffer first: an invalid file prints nothing on stdout.
  std::ostringstream out;
  Printer printer(out);
  try {
    if (input_file_kind(options.file) == InputFileKind::material_library) {
      const MaterialLibrary library = load_material_library(options.file, registry);
      out << fmt::format("{}: a valid material library with {} material(s)\n", options.file,
                         library.materials.size());
      for (const Material& material : library.materials) printer.material(material);
    } else {
      const Device device = load_device(options.file, registry);
      out << fmt::format("{}: a valid device\n", options.file);
      printer.device(device);
      for (const std::string& warning : device.warnings) {
        std::cerr << "filmtherm: warning: " << warning << "\n";
      }
    }
  } catch (const InputError& error) {
    std::cerr << error.what() << "\n"
              << fmt::format("filmtherm check: {} problem(s) in {}\n", error.diagnostics().size(),
                             options.file);
    return exit_usage_error;
  }
  std::cout << out.str();
  return 0;
}

}  // namespace filmtherm::cli
