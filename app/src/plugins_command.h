// `filmtherm plugins`: every loaded plugin with its models, the property each
// supplies, its reference, and its parameters with units, defaults and docs.
#pragma once

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace filmtherm::cli {

struct PluginsOptions {
  std::vector<std::string> plugin_paths;
};

CLI::App* add_plugins_command(CLI::App& app, PluginsOptions& options);
int run_plugins(const PluginsOptions& options);

}  // namespace filmtherm::cli
