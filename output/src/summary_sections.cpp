#include "summary_sections.h"

namespace filmtherm::summary_sections {

using nlohmann::ordered_json;

ordered_json solver_settings(const SolverSettings& s) {
  return ordered_json{
      {"end_time_s", s.end_time.value.value()},
      {"relative_tolerance", s.relative_tolerance.value},
      {"absolute_tolerance_K", s.absolute_tolerance.value.value()},
      {"max_steps", s.max_steps.value},
      {"output_spacing", s.output_spacing == OutputSpacing::linear ? "linear" : "log"},
      {"output_count", s.output_count.value},
      {"first_output_time_s", s.first_output_time.value.value()}};
}

ordered_json provenance(const RunProvenance& p) {
  ordered_json models = ordered_json::object();
  for (const ModelRecord& model : p.models) {
    ordered_json parameters = ordered_json::object();
    for (const ParameterRecord& parameter : model.parameters) {
      parameters[parameter.name] = ordered_json{
          {"as_written", parameter.as_written.empty() ? ordered_json(nullptr)
                                                      : ordered_json(parameter.as_written)},
          {"value_si", parameter.value_si},  // NaN (an optional parameter left out) -> null
          {"si_unit", parameter.si_unit},
          {"source", parameter.source},
          {"kind", parameter.kind},
          {"written_at", parameter.written_at}};
    }
    models[model.property] = ordered_json{{"model", model.model},
                                          {"plugin", model.plugin},
                                          {"reference", model.reference},
                                          {"parameters", parameters}};
  }
  ordered_json inputs = ordered_json::array();
  for (const InputFileRecord& input : p.inputs) {
    inputs.push_back({{"file", input.file}, {"fnv1a64", input.fnv1a64}});
  }
  return ordered_json{{"filmtherm_version", p.filmtherm_version},
                      {"source_revision", p.source_revision},
                      {"plugins", p.plugins},
                      {"material_models", models},
                      {"input_files", inputs}};
}

}  // namespace filmtherm::summary_sections
