#include "plugins_command.h"

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <iostream>

#include "filmtherm/plugin_registry.h"
#include "filmtherm/quantity_parser.h"

namespace filmtherm::cli {

CLI::App* add_plugins_command(CLI::App& app, PluginsOptions& options) {
  CLI::App* command = app.add_subcommand(
      "plugins", "List the loaded material plugins, their models and parameters");
  command->add_option("--plugin", options.plugin_paths, "Also load this plugin file or folder")
      ->allow_extra_args(false);  // one path per --plugin: a following word is not a plugin
  return command;
}

int run_plugins(const PluginsOptions& options) {
  std::vector<std::filesystem::path> extra(options.plugin_paths.begin(),
                                           options.plugin_paths.end());
  const PluginRegistry registry = PluginRegistry::with_default_plugins(extra);
  if (registry.plugins().empty()) {
    std::cout << "no plugins found (looked in " << PluginRegistry::builtin_plugin_folder().string()
              << " and FILMTHERM_PLUGIN_PATH)\n";
    return 0;
  }
  for (const auto& plugin : registry.plugins()) {
    std::cout << fmt::format("{} {} (ABI {}.{}) {}\n", plugin->name(), plugin->version(),
                             plugin->descriptor().abi_major, plugin->descriptor().abi_minor,
                             plugin->path());
    for (const ModelDescriptor& model : registry.models()) {
      if (model.plugin_path() != plugin->path()) continue;
      std::cout << fmt::format("\n  {}  [{}]\n    {}\n    reference: {}\n", model.name(),
                               describe(model.property()), model.description(), model.reference());
      for (const ModelParameter& p : model.parameters()) {
        std::string status;
        if (p.required) {
          status = "required";
        } else if (p.has_default) {
          status = "default " + format_quantity(p.default_value_si, p.dimension);
        } else {
          status = "optional";
        }
        std::cout << fmt::format("    - {:<24} {:<40} {}\n      {}\n", p.name,
                                 describe(p.dimension), status, p.doc);
      }
    }
    std::cout << "\n";
  }
  return 0;
}

}  // namespace filmtherm::cli
