#include "filmtherm/device_loader.h"

#include <algorithm>
#include <array>

#include "device_sections.h"
#include "filmtherm/photon.h"
#include "filmtherm/quantity_parser.h"
#include "filmtherm/spelling.h"
#include "material_loader.h"

namespace filmtherm {

namespace {

using input::Entry;
using input::Range;
using input::read_quantity;
using input::Reader;
using input::Section;

const std::vector<std::string> device_keys{"name",   "model",     "imports",         "materials",
                                           "film",   "substrate", "photon",          "circuit",
                                           "solver", "output",    "compare_phonons", "wire"};

constexpr std::array model_names{
    std::pair{DeviceModelKind::lumped_two_temperature, std::string_view("lumped-two-temperature")},
    std::pair{DeviceModelKind::electrothermal_wire, std::string_view("electrothermal-wire")}};

std::string did_you_mean_note(const std::string& given, const std::vector<std::string>& names) {
  const std::optional<std::string> nearest = nearest_name(given, names);
  return nearest ? "did you mean '" + *nearest + "'?" : "";
}

// The section under `key`, checked against `keys`; nullopt when absent (and
// reported when required) or not a map (reported).
std::optional<Section> section_of(Reader& reader, Section& top, const char* key,
                                  std::vector<std::string> keys, const char* what, bool required,
                                  const char* description) {
  const Entry* entry = required ? top.require(key, description) : top.find(key);
  if (entry == nullptr) return std::nullopt;
  Section section(reader, entry->value, key, std::move(keys), reader.mark_of(entry->key_node),
                  what);
  if (!section.is_map()) return std::nullopt;
  return section;
}

class DeviceReader {
 public:
  DeviceReader(input::InputSet& inputs, input::InputSet::File& file)
      : inputs_(inputs), reader_(*file.reader), file_(file) {}

  Device read() {
    Section top(reader_, file_.root, "", device_keys, SourceMark{file_.source->name, 1, 1},
                "a device (name, model, imports, materials, film, substrate, photon, circuit, "
                "solver, output, compare_phonons, wire)");
    Device device;
    device.source_file = file_.source->path;
    device.name = file_.source->path.stem().string();
    if (!top.is_map()) return device;
    inputs_.read_imports_and_materials(file_, top);
    if (const Entry* name = top.find("name")) {
      if (auto text = reader_.string(*name, "the device's name")) device.name = *text;
    }
    read_model(top, device);
    const Material* material = read_film(top, device);
    read_substrate(top, device);
    read_photon(top, device);
    read_circuit(top, device);
    device.solver = input::read_solver_settings(reader_, top, device.model, arrival_time_);
    device.output = input::read_output_settings(reader_, top, file_.source->path);
    // An unknown model is reported already; `wire:` is then not judged against it.
    if (model_given_) device.wire = input::read_wire_settings(reader_, top, device.model);
    device.compare_phonon_models =
        input::read_compare_phonons(reader_, top, material, inputs_.registry());
    input::check_physical_sanity(reader_, device, material);
    if (material != nullptr) device.material = *material;
    return device;
  }

 private:
  void read_model(Section& top, Device& device) {
    const Entry* entry = top.require("model", "lumped-two-temperature or electrothermal-wire");
    if (entry == nullptr) return;
    const std::string text = entry->value.IsScalar() ? entry->value.Scalar() : "";
    for (const auto& [kind, name] : model_names) {
      if (text == name) {
        device.model = kind;
        model_given_ = true;
        return;
      }
    }
    const std::vector<std::string> names{"lumped-two-temperature", "electrothermal-wire"};
    reader_.report(
        reader_.mark_of(*entry), entry->path, "lumped-two-temperature or electrothermal-wire",
        entry->value.IsScalar() ? "'" + text + "'" : "no name", did_you_mean_note(text, names));
  }

  static constexpr double maximum_film_thickness_m = 1e-3;

  const Material* read_film(Section& top, Device& device) {
    std::optional<Section> section = section_of(
        reader_, top, "film", {"material", "thickness", "width", "length"},
        "material, thickness, width, length", true, "the film: material, thickness, width, length");
    if (!section) return nullptr;
    Section& film = *section;
    if (auto v = read_quantity<Length>(reader_, film, "thickness",
                                       "the film thickness, e.g. '6 nm'", true)) {
      device.film.thickness = *v;
      // Nothing thicker than a millimetre is a film: a typo of unit ('6 km')
      // would otherwise run as a bulk crystal and print as a '6e+12 nm film'.
      if (v->value.value() > maximum_film_thickness_m) {
        reader_.report(v->mark, "film.thickness",
                       "a film thickness of at most 1 mm (thin films are nm to um thick)",
                       "'" + format_quantity(v->value) + "'");
      }
    }
    if (auto v =
            read_quantity<Length>(reader_, film, "width", "the strip width, e.g. '100 nm'", true)) {
      device.film.width = *v;
    }
    if (auto v = read_quantity<Length>(reader_, film, "length", "the wire length, e.g. '1.5 um'",
                                       true)) {
      device.film.length = *v;
      film_length_ = v;
    }
    const Entry* entry =
        film.require("material", "the name of a material defined or imported here");
    if (entry == nullptr) return nullptr;
    std::optional<std::string> name = reader_.string(*entry, "a material name");
    if (!name) return nullptr;
    if (!inputs_.is_defined(*name) && inputs_.import_failed()) return nullptr;
    if (!inputs_.is_defined(*name)) {
      const std::vector<std::string> names = inputs_.material_names();
      std::string list;
      for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
      reader_.report(reader_.mark_of(*entry), entry->path,
                     "a material defined under materials: or imported (" +
                         (list.empty() ? std::string("none defined") : list) + ")",
                     "'" + *name + "'", did_you_mean_note(*name, names));
      return nullptr;
    }
    material_name_ = *name;
    material_mark_ = reader_.mark_of(*entry);
    return inputs_.find_material(*name);
  }

  void read_substrate(Section& top, Device& device) {
    std::optional<Section> section = section_of(
        reader_, top, "substrate", {"temperature", "phonon_escape"}, "temperature, phonon_escape",
        true, "the substrate: temperature and phonon_escape model");
    if (!section) return;
    Section& substrate = *section;
    if (auto v = read_quantity<Temperature>(reader_, substrate, "temperature",
                                            "the bath temperature, e.g. '2 K'", true)) {
      device.bath.temperature = *v;
    }
    const Entry* escape =
        substrate.require("phonon_escape", "{model: NAME, ...} for the phonon escape");
    if (escape == nullptr) return;
    if (auto choice = input::read_model_choice(
            reader_, *escape, MaterialProperty::phonon_escape_power, inputs_.registry())) {
      device.bath.phonon_escape = std::move(*choice);
    }
  }

  void read_photon(Section& top, Device& device) {
    std::optional<Section> section = section_of(
        reader_, top, "photon",
        {"wavelength", "energy", "absorbed_fraction", "hotspot_length", "hotspot_radius",
         "arrival_time", "pulse_width", "hotspot_temperature"},
        "wavelength or energy, absorbed_fraction, hotspot_length or hotspot_radius, arrival_time, "
        "pulse_width, hotspot_temperature",
        true, "the absorbed photon");
    if (!section) return;
    Section& photon = *section;
    Photon& p = device.photon;
    auto wavelength =
        read_quantity<Length>(reader_, photon, "wavelength", "the photon wavelength", false);
    auto energy = read_quantity<Energy>(reader_, photon, "energy", "the photon energy", false);
    one_of(photon, "wavelength", "energy", "the photon's wavelength or energy, e.g. '1550 nm'");
    if (wavelength)
      p.energy = Sourced<Energy>{photon_energy(wavelength->value), wavelength->mark, {}};
    if (energy) p.energy = *energy;
    if (auto v = read_quantity<Dimensionless>(reader_, photon, "absorbed_fraction",
                                              "the absorbed fraction eta, e.g. 0.3", true,
                                              Range::fraction, true)) {
      p.absorbed_fraction = Sourced<double>{v->value.value(), v->mark, v->provenance};
    }
    p.hotspot_length =
        read_quantity<Length>(reader_, photon, "hotspot_length", "the hotspot belt length", false);
    p.hotspot_radius =
        read_quantity<Length>(reader_, photon, "hotspot_radius", "the hotspot radius", false);
    one_of(photon, "hotspot_length", "hotspot_radius",
           "the hotspot's length (a belt) or radius (a disc)");
    if (p.hotspot_length && film_length_ && p.hotspot_length->value > film_length_->value) {
      reader_.report(
          p.hotspot_length->mark, "photon.hotspot_length",
          "a hotspot no longer than the film (" + format_quantity(film_length_->value) + ")",
          "'" + format_quantity(p.hotspot_length->value) + "'");
    }
    if (auto v = read_quantity<Time>(reader_, photon, "arrival_time",
                                     "the photon's arrival time, e.g. '10 ps'", true,
                                     Range::non_negative)) {
      p.arrival_time = *v;
      arrival_time_ = *v;
    }
    p.pulse_width = read_quantity<Time>(reader_, photon, "pulse_width", "the pulse FWHM", false);
    p.hotspot_temperature = read_quantity<Temperature>(reader_, photon, "hotspot_temperature",
                                                       "the initial hotspot temperature", false);
  }

  void read_circuit(Section& top, Device& device) {
    const bool wire = model_given_ && device.model == DeviceModelKind::electrothermal_wire;
    std::optional<Section> section = section_of(
        reader_, top, "circuit",
        {"bias_current", "load_resistance", "kinetic_inductance", "kinetic_inductance_per_square",
         "meander_length", "bias_tee_capacitance", "critical_current"},
        "bias_current, load_resistance, kinetic_inductance (or kinetic_inductance_per_square with "
        "meander_length), bias_tee_capacitance, critical_current",
        wire, "the readout circuit (the electrothermal-wire model needs it)");
    if (wire) check_wire_material();
    if (!section) return;
    Section& circuit = *section;
    Circuit c;
    auto bias =
        read_quantity<Current>(reader_, circuit, "bias_current", "the bias current I_b", true);
    auto load =
        read_quantity<Resistance>(reader_, circuit, "load_resistance", "the load R_L", true);
    auto total = read_quantity<Inductance>(reader_, circuit, "kinetic_inductance",
                                           "the wire's kinetic inductance L_k", false);
    auto per_square = read_quantity<Inductance>(reader_, circuit, "kinetic_inductance_per_square",
                                                "the sheet kinetic inductance", false);
    one_of(circuit, "kinetic_inductance", "kinetic_inductance_per_square",
           "the kinetic inductance, total or per square");
    auto meander = read_quantity<Length>(reader_, circuit, "meander_length",
                                         "the length of the whole meander", false);
    auto tee = read_quantity<Capacitance>(reader_, circuit, "bias_tee_capacitance",
                                          "the bias-tee capacitance C_bt", true);
    auto critical = read_quantity<Current>(reader_, circuit, "critical_current",
                                           "the critical current I_c0 at T = 0", true);
    if (bias && critical && !(bias->value < critical->value)) {
      reader_.report(
          bias->mark, "circuit.bias_current",
          "a bias current below the critical current (" + format_quantity(critical->value) + ")",
          "'" + format_quantity(bias->value) + "'");
    }
    if (total) c.kinetic_inductance = *total;
    // The readout sees the whole meander's L_k, while film.length is only the
    // stretch the wire model simulates: a sheet inductance is multiplied by
    // the meander's squares, never by the simulated stretch's.
    if (per_square && !meander && !total) {
      reader_.report(per_square->mark, "circuit.kinetic_inductance_per_square",
                     "circuit.meander_length beside it, the length of the whole meander "
                     "(L_k = L_sq meander_length / width)",
                     "no meander_length",
                     "film.length is the simulated stretch, not the meander: give the total "
                     "kinetic_inductance instead, or the meander's length");
    }
    if (meander && !per_square) {
      reader_.report(meander->mark, "circuit.meander_length",
                     "meander_length only with kinetic_inductance_per_square",
                     "'" + format_quantity(meander->value) + "' beside a total kinetic_inductance",
                     "a total kinetic_inductance already includes the whole meander");
    }
    if (per_square && meander && device.film.width.value.value() > 0.0) {
      // L_k = L_sq * (number of squares) = L_sq * meander_length / width.
      const double squares = meander->value / device.film.width.value;
      c.kinetic_inductance = Sourced<Inductance>{per_square->value * squares, per_square->mark,
                                                 per_square->provenance};
    }
    if (!bias || !load || !(total || (per_square && meander)) || !tee || !critical) return;
    c.bias_current = *bias;
    c.load_resistance = *load;
    c.bias_tee_capacitance = *tee;
    c.critical_current = *critical;
    device.circuit = c;
  }

  void check_wire_material() {
    const Material* material = inputs_.find_material(material_name_);
    if (material == nullptr) return;
    std::string missing;
    if (!material->thermal_conductivity) missing += " thermal_conductivity";
    if (!material->critical_temperature) missing += " critical_temperature";
    if (!material->normal_resistivity) missing += " normal_resistivity";
    if (missing.empty()) return;
    reader_.report(
        material_mark_, "film.material",
        "a material with thermal_conductivity, critical_temperature and normal_resistivity "
        "(the electrothermal-wire model needs them)",
        "'" + material->name + "' (" + material->mark.file + ":" +
            std::to_string(material->mark.line) + ") without" + missing);
  }

  // Exactly one of two alternative keys.
  void one_of(Section& section, const char* first, const char* second,
              const std::string& description) {
    const Entry* a = section.find(first);
    const Entry* b = section.find(second);
    if (a && b) {
      reader_.report(b->key_node, b->path, std::string("either ") + first + " or " + second,
                     std::string("both (") + first + " at line " +
                         std::to_string(reader_.mark_of(a->key_node).line) + ")");
    } else if (!a && !b) {
      reader_.report(section.anchor(), section.child_path(first),
                     std::string("key '") + first + "' or '" + second + "': " + description,
                     "neither");
    }
  }

  input::InputSet& inputs_;
  Reader& reader_;
  input::InputSet::File& file_;
  bool model_given_ = false;
  std::string material_name_;  ///< empty until film.material names a defined material
  SourceMark material_mark_;
  std::optional<Sourced<Length>> film_length_;
  std::optional<Sourced<Time>> arrival_time_;
};

std::optional<std::string> read_root(const std::filesystem::path& path,
                                     DiagnosticList& diagnostics) {
  std::string problem;
  std::optional<std::string> text = input::read_text_file(path, problem);
  if (!text) {
    diagnostics.add(Diagnostic{path.string(), 0, 0, "", "a readable YAML file", problem, "", ""});
  }
  return text;
}

Device load_device_text(std::string name, const std::filesystem::path& path, std::string text,
                        const PluginRegistry& registry) {
  DiagnosticList diagnostics;
  input::InputSet inputs(registry, diagnostics);
  try {
    input::InputSet::File* file = inputs.add_root(std::move(name), path, std::move(text));
    if (file == nullptr) diagnostics.throw_if_any();
    Device device = DeviceReader(inputs, *file).read();
    diagnostics.throw_if_any();
    return device;
  } catch (const YAML::Exception& error) {
    diagnostics.add(Diagnostic{path.string(), error.mark.line + 1, error.mark.column + 1, "",
                               "valid YAML", error.msg, "", ""});
    diagnostics.throw_if_any();
    throw;
  }
}

}  // namespace

Device load_device(const std::filesystem::path& path, const PluginRegistry& registry) {
  DiagnosticList diagnostics;
  std::optional<std::string> text = read_root(path, diagnostics);
  diagnostics.throw_if_any();
  return load_device_text(path.string(), path, std::move(*text), registry);
}

Device load_device_from_string(std::string_view yaml_text, const PluginRegistry& registry,
                               const std::filesystem::path& path) {
  return load_device_text(path.string(), path, std::string(yaml_text), registry);
}

MaterialLibrary load_material_library(const std::filesystem::path& path,
                                      const PluginRegistry& registry) {
  DiagnosticList diagnostics;
  std::optional<std::string> text = read_root(path, diagnostics);
  diagnostics.throw_if_any();
  input::InputSet inputs(registry, diagnostics);
  input::InputSet::File* file = inputs.add_root(path.string(), path, std::move(*text));
  if (file != nullptr) {
    Section top(*file->reader, file->root, "", input::library_keys(),
                SourceMark{path.string(), 1, 1},
                "imports and materials (a material library holds nothing else)");
    if (top.is_map()) inputs.read_imports_and_materials(*file, top);
  }
  diagnostics.throw_if_any();
  return MaterialLibrary{path, inputs.materials()};
}

InputFileKind input_file_kind(const std::filesystem::path& path) {
  DiagnosticList diagnostics;
  std::optional<std::string> text = read_root(path, diagnostics);
  diagnostics.throw_if_any();
  input::SourceFile source(path.string(), path, std::move(*text));
  Reader reader(source, diagnostics);
  std::optional<YAML::Node> root = reader.parse();
  diagnostics.throw_if_any();
  if (!root->IsMap() || root->size() == 0) return InputFileKind::device;
  for (auto it = root->begin(); it != root->end(); ++it) {
    const std::string key = it->first.IsScalar() ? it->first.Scalar() : "";
    if (key != "imports" && key != "materials") return InputFileKind::device;
  }
  return InputFileKind::material_library;
}

std::string_view device_model_name(DeviceModelKind kind) {
  for (const auto& [k, name] : model_names) {
    if (k == kind) return name;
  }
  return "unknown";
}

std::string_view provenance_kind_name(ProvenanceKind kind) {
  switch (kind) {
    case ProvenanceKind::measured:
      return "measured";
    case ProvenanceKind::fitted:
      return "fitted";
    case ProvenanceKind::assumed:
      return "assumed";
    case ProvenanceKind::unspecified:
      break;
  }
  return "unspecified";
}

}  // namespace filmtherm
