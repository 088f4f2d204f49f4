#include "material_loader.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "filmtherm/spelling.h"

namespace filmtherm::input {

namespace {

const std::vector<std::string> material_keys{"critical_temperature",  "normal_resistivity",
                                             "phonon_heat_capacity",  "electron_heat_capacity",
                                             "electron_phonon_power", "thermal_conductivity"};

std::string join(const std::vector<std::string>& names) {
  std::string text;
  for (const auto& name : names) text += (text.empty() ? "" : ", ") + name;
  return text;
}

std::filesystem::path canonical_or_same(const std::filesystem::path& path) {
  std::error_code error;
  std::filesystem::path canonical = std::filesystem::weakly_canonical(path, error);
  return error ? path.lexically_normal() : canonical;
}

std::string format_mark(const SourceMark& mark) {
  return mark.file + ":" + std::to_string(mark.line);
}

// Resolves the model name for `property`, reporting an unknown name or one
// that supplies another property.
const ModelDescriptor* resolve_model(Reader& reader, const Entry& model_entry,
                                     const std::string& name, MaterialProperty property,
                                     const PluginRegistry& registry) {
  std::vector<std::string> names;
  for (const ModelDescriptor* model : registry.models(property)) names.push_back(model->name());
  for (const ModelDescriptor* model : registry.models(property)) {
    if (model->name() == name) return model;
  }
  const std::string expected =
      "a " + describe(property) + " model (" + (names.empty() ? "none loaded" : join(names)) + ")";
  for (const ModelDescriptor& model : registry.models()) {
    if (model.name() == name) {
      reader.report(model_entry.value, model_entry.path, expected,
                    "'" + name + "', which supplies the " + describe(model.property()));
      return nullptr;
    }
  }
  const std::optional<std::string> nearest = nearest_name(name, names);
  reader.report(model_entry.value, model_entry.path, expected, "unknown model '" + name + "'",
                nearest ? "did you mean '" + *nearest + "'?" : "");
  return nullptr;
}

}  // namespace

const std::vector<std::string>& library_keys() {
  static const std::vector<std::string> keys{"imports", "materials"};
  return keys;
}

std::optional<ModelChoice> read_model_choice(Reader& reader, const Entry& entry,
                                             MaterialProperty property,
                                             const PluginRegistry& registry,
                                             std::span<const InheritedParameter> inherited) {
  const std::size_t errors_before = reader.diagnostics().size();
  Section section(reader, entry.value, entry.path, {}, reader.mark_of(entry.key_node),
                  "model and its parameters, e.g. {model: film, sound_velocity: 4000 m/s}");
  if (!section.is_map() || entry.value.IsNull()) {
    if (entry.value.IsNull()) {
      reader.report(reader.mark_of(entry), entry.path,
                    "{model: NAME, parameter: value, ...} for the " + describe(property),
                    "nothing");
    }
    return std::nullopt;
  }
  const Entry* model_entry =
      section.require("model", "the name of a " + describe(property) + " model");
  if (model_entry == nullptr) return std::nullopt;
  std::optional<std::string> name = reader.string(*model_entry, "a model name");
  if (!name) return std::nullopt;
  const ModelDescriptor* model = resolve_model(reader, *model_entry, *name, property, registry);
  if (model == nullptr) return std::nullopt;

  ModelChoice choice;
  choice.model = *name;
  choice.mark = reader.mark_of(model_entry->value);
  std::vector<std::string> declared;
  for (const ModelParameter& p : model->parameters()) declared.push_back(p.name);

  std::vector<std::string> suggested;
  for (const Entry& parameter : section.entries()) {
    if (parameter.key == "model") continue;
    const auto it = std::find(declared.begin(), declared.end(), parameter.key);
    if (it == declared.end()) {
      const std::optional<std::string> nearest = nearest_name(parameter.key, declared);
      if (nearest) suggested.push_back(*nearest);
      reader.report(parameter.key_node, parameter.path,
                    "a parameter of model '" + *name + "' (" +
                        (declared.empty() ? "it takes none" : join(declared)) + ")",
                    "unknown parameter '" + parameter.key + "'",
                    nearest ? "did you mean '" + *nearest + "'?" : "");
      continue;
    }
    const ModelParameter& declaration =
        model->parameters()[static_cast<std::size_t>(it - declared.begin())];
    std::optional<ValueText> value = reader.value_text(parameter, true);
    if (!value || !reader.quantity_si(*value, declaration.dimension)) continue;
    choice.parameters.push_back(ParameterSetting{parameter.key, value->text});
    choice.parameter_marks.push_back(reader.mark_of(value->node));
    choice.parameter_provenance.push_back(value->provenance);
  }

  for (const ModelParameter& declaration : model->parameters()) {
    const bool given = section.find(declaration.name) != nullptr;
    if (given) continue;
    const auto inherit =
        std::find_if(inherited.begin(), inherited.end(),
                     [&](const InheritedParameter& p) { return p.name == declaration.name; });
    if (inherit != inherited.end()) {
      choice.parameters.push_back(ParameterSetting{declaration.name, inherit->value.text});
      choice.parameter_marks.push_back(reader.mark_of(inherit->value.node));
      choice.parameter_provenance.push_back(inherit->value.provenance);
    } else if (declaration.required &&
               std::find(suggested.begin(), suggested.end(), declaration.name) == suggested.end()) {
      // (A misspelt key already suggested this name: once is enough.)
      reader.report(section.anchor(), section.child_path(declaration.name),
                    "key '" + declaration.name + "' of model '" + *name +
                        "': " + describe(declaration.dimension) + ", " + declaration.doc,
                    "no such key");
    }
  }
  if (reader.diagnostics().size() != errors_before) return std::nullopt;

  try {
    (void)model->instantiate(choice.parameters);
  } catch (const ParameterError& error) {
    SourceMark at = choice.mark;
    std::string path = model_entry->path;
    for (std::size_t i = 0; i < choice.parameters.size(); ++i) {
      if (choice.parameters[i].name == error.parameter()) {
        at = choice.parameter_marks[i];
        path = section.child_path(error.parameter());
      }
    }
    // An inherited value lives in another block of the same file; its mark still points at it.
    reader.report(at, path, "parameters that model '" + *name + "' accepts", error.what());
    return std::nullopt;
  } catch (const PluginError& error) {
    reader.report(choice.mark, model_entry->path, "a model that can be created", error.what());
    return std::nullopt;
  }
  return choice;
}

std::optional<std::string> read_text_file(const std::filesystem::path& path, std::string& problem) {
  std::error_code error;
  const auto status = std::filesystem::status(path, error);
  if (error || !std::filesystem::exists(status)) {
    problem = "no file at '" + path.string() + "'";
    return std::nullopt;
  }
  if (!std::filesystem::is_regular_file(status)) {
    problem = "'" + path.string() + "', which is not a regular file";
    return std::nullopt;
  }
  // A YAML input is text of a few kB; refusing huge files keeps a mistyped path
  // (a data file, /proc/kcore) from exhausting memory.
  constexpr std::uintmax_t max_size = 16u << 20;
  const std::uintmax_t size = std::filesystem::file_size(path, error);
  if (!error && size > max_size) {
    problem = "'" + path.string() + "', which is larger than 16 MiB";
    return std::nullopt;
  }
  std::ifstream stream(path, std::ios::binary);
  std::ostringstream text;
  text << stream.rdbuf();
  if (!stream) {
    problem = "'" + path.string() + "', which cannot be read";
    return std::nullopt;
  }
  return text.str();
}

InputSet::File* InputSet::add_root(std::string name, const std::filesystem::path& path,
                                   std::string text) {
  auto file = std::make_unique<File>();
  file->source = std::make_unique<SourceFile>(std::move(name), path, std::move(text));
  file->reader = std::make_unique<Reader>(*file->source, diagnostics_);
  std::optional<YAML::Node> root = file->reader->parse();
  if (!root) return nullptr;
  file->root = *root;
  loaded_.push_back(canonical_or_same(path));
  files_.push_back(std::move(file));
  return files_.back().get();
}

void InputSet::read_imports_and_materials(File& file, const Section& top) {
  stack_.push_back(canonical_or_same(file.source->path));
  stack_names_.push_back(file.source->name);
  if (const Entry* imports = top.find("imports")) read_imports(file, *imports);
  if (const Entry* materials = top.find("materials")) read_materials(file, *materials);
  stack_.pop_back();
  stack_names_.pop_back();
}

void InputSet::read_imports(File& file, const Entry& imports) {
  if (imports.value.IsScalar()) {
    read_import(file, imports.value, imports.path);
  } else if (imports.value.IsSequence()) {
    for (std::size_t i = 0; i < imports.value.size(); ++i) {
      read_import(file, imports.value[i], imports.path + "[" + std::to_string(i) + "]");
    }
  } else if (!imports.value.IsNull()) {
    import_failed_ = true;
    file.reader->report(imports.value, imports.path,
                        "a list of material library files, e.g. [../materials/nbn.yaml]",
                        imports.value.IsMap() ? "a map" : "nothing");
  }
}

void InputSet::read_import(File& file, const YAML::Node& item, const std::string& path) {
  Reader& reader = *file.reader;
  if (!item.IsScalar() || item.Scalar().empty()) {
    import_failed_ = true;
    reader.report(item, path, "a file path relative to this file",
                  item.IsNull() ? "nothing" : "a list or map");
    return;
  }
  const std::filesystem::path relative = item.Scalar();
  const std::filesystem::path resolved =
      (relative.is_absolute() ? relative : file.source->path.parent_path() / relative)
          .lexically_normal();
  const std::filesystem::path canonical = canonical_or_same(resolved);
  const auto on_stack = std::find(stack_.begin(), stack_.end(), canonical);
  if (on_stack != stack_.end()) {
    std::string cycle;
    for (auto it = stack_names_.begin() + (on_stack - stack_.begin()); it != stack_names_.end();
         ++it) {
      cycle += *it + " -> ";
    }
    reader.report(item, path, "imports without a cycle",
                  "an import cycle: " + cycle + resolved.string());
    return;
  }
  if (std::find(loaded_.begin(), loaded_.end(), canonical) != loaded_.end()) return;
  std::string problem;
  std::optional<std::string> text = read_text_file(resolved, problem);
  if (!text) {
    reader.report(item, path, "a material library file (relative to this file's folder)", problem);
    import_failed_ = true;
    return;
  }
  auto imported = std::make_unique<File>();
  imported->source = std::make_unique<SourceFile>(resolved.string(), resolved, std::move(*text));
  imported->reader = std::make_unique<Reader>(*imported->source, diagnostics_);
  loaded_.push_back(canonical);
  std::optional<YAML::Node> root = imported->reader->parse();
  if (!root) {
    import_failed_ = true;
    return;
  }
  imported->root = *root;
  files_.push_back(std::move(imported));
  File& library = *files_.back();
  Section top(*library.reader, library.root, "", library_keys(),
              SourceMark{library.source->name, 1, 1},
              "imports and materials (a material library holds nothing else)");
  if (top.is_map()) read_imports_and_materials(library, top);
}

void InputSet::read_materials(File& file, const Entry& materials) {
  Section section(*file.reader, materials.value, "materials", {},
                  file.reader->mark_of(materials.key_node), "one entry per material name");
  for (const Entry& entry : section.entries()) {
    const auto earlier = std::find_if(defined_.begin(), defined_.end(),
                                      [&](const auto& d) { return d.first == entry.key; });
    if (earlier != defined_.end()) {
      file.reader->report(
          entry.key_node, entry.path, "each material defined once",
          "'" + entry.key + "' again (first at " + format_mark(earlier->second) + ")");
      continue;
    }
    defined_.emplace_back(entry.key, file.reader->mark_of(entry.key_node));
    if (std::optional<Material> material = read_material(*file.reader, entry)) {
      materials_.push_back(std::move(*material));
    }
  }
}

std::optional<Material> InputSet::read_material(Reader& reader, const Entry& entry) {
  const std::size_t errors_before = diagnostics_.size();
  Section section(reader, entry.value, entry.path, material_keys, reader.mark_of(entry.key_node),
                  join(material_keys));
  if (!section.is_map()) return std::nullopt;
  Material material;
  material.name = entry.key;
  material.mark = reader.mark_of(entry.key_node);

  std::vector<InheritedParameter> inherited;
  auto read_positive = [&]<class Q>(const char* key, const char* what,
                                    std::optional<Sourced<Q>>& out) {
    const Entry* value = section.find(key);
    if (value == nullptr) return;
    std::optional<ValueText> text = reader.value_text(*value, true);
    if (!text) return;
    std::optional<double> si = reader.quantity_si(*text, dimension_of<Q>());
    if (!si) return;
    if (!(*si > 0.0)) {
      reader.report(reader.mark_of(text->node), value->path, std::string("a positive ") + what,
                    "'" + text->text + "'");
      return;
    }
    out = Sourced<Q>{from_si<Q>(*si), reader.mark_of(text->node), text->provenance};
    inherited.push_back(InheritedParameter{key, *text});
  };
  read_positive.operator()<Temperature>("critical_temperature", "temperature",
                                        material.critical_temperature);
  read_positive.operator()<Resistivity>("normal_resistivity", "resistivity",
                                        material.normal_resistivity);

  auto read_property = [&](const char* key, MaterialProperty property, bool required,
                           ModelChoice* out, std::optional<ModelChoice>* optional_out) {
    const Entry* value =
        required ? section.require(key, "{model: NAME, ...} for the " + describe(property))
                 : section.find(key);
    if (value == nullptr) return;
    std::optional<ModelChoice> choice =
        read_model_choice(reader, *value, property, registry_, inherited);
    if (!choice) return;
    if (out != nullptr) *out = std::move(*choice);
    if (optional_out != nullptr) *optional_out = std::move(*choice);
  };
  read_property("phonon_heat_capacity", MaterialProperty::phonon_heat_capacity, true,
                &material.phonon_heat_capacity, nullptr);
  read_property("electron_heat_capacity", MaterialProperty::electron_heat_capacity, true,
                &material.electron_heat_capacity, nullptr);
  read_property("electron_phonon_power", MaterialProperty::electron_phonon_power, true,
                &material.electron_phonon_power, nullptr);
  read_property("thermal_conductivity", MaterialProperty::thermal_conductivity, false, nullptr,
                &material.thermal_conductivity);
  if (diagnostics_.size() != errors_before) return std::nullopt;
  return material;
}

const Material* InputSet::find_material(std::string_view name) const {
  for (const Material& material : materials_) {
    if (material.name == name) return &material;
  }
  return nullptr;
}

std::vector<std::string> InputSet::material_names() const {
  std::vector<std::string> names;
  for (const auto& [name, mark] : defined_) names.push_back(name);
  return names;
}

bool InputSet::is_defined(std::string_view name) const {
  return std::any_of(defined_.begin(), defined_.end(),
                     [&](const auto& d) { return d.first == name; });
}

}  // namespace filmtherm::input
