// The filmtherm command line: one subcommand per job. Every error a user can
// cause ends as one line on stderr and exit code 2.
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <iostream>

#include "check_command.h"
#include "cli_error.h"
#include "command_line.h"
#include "filmtherm/model_handle.h"
#include "filmtherm/quantity_parser.h"
#include "fit_heat_capacity_command.h"
#include "heat_capacity_command.h"
#include "plugins_command.h"
#include "run_command.h"
#include "sweep_command.h"

int main(int argc, char** argv) {
  using namespace filmtherm::cli;
  CLI::App app{"filmtherm: thermal relaxation of thin-film devices with confined phonons",
               "filmtherm"};
  app.set_version_flag("--version", FILMTHERM_VERSION);
  app.require_subcommand(1);

  HeatCapacityOptions heat_capacity;
  PluginsOptions plugins;
  CLI::App* heat_capacity_command = add_heat_capacity_command(app, heat_capacity);
  CLI::App* plugins_command = add_plugins_command(app, plugins);
  FitHeatCapacityOptions fit_heat_capacity;
  CLI::App* fit_heat_capacity_command = add_fit_heat_capacity_command(app, fit_heat_capacity);
  CheckOptions check;
  CLI::App* check_command = add_check_command(app, check);
  RunOptions run;
  CLI::App* run_command = add_run_command(app, run);
  SweepOptions sweep;
  sweep.command_line.assign(argv, argv + argc);
  CLI::App* sweep_command = add_sweep_command(app, sweep);

  std::vector<std::string> arguments = join_values_with_units(argc, argv);
  try {
    app.parse(arguments);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "filmtherm: " << e.what() << " (see filmtherm --help)\n";
    return exit_usage_error;
  }

  try {
    if (heat_capacity_command->parsed()) return run_heat_capacity(heat_capacity);
    if (plugins_command->parsed()) return run_plugins(plugins);
    if (fit_heat_capacity_command->parsed()) return run_fit_heat_capacity(fit_heat_capacity);
    if (check_command->parsed()) return run_check(check);
    if (run_command->parsed()) return run_device(run);
    if (sweep_command->parsed()) return run_sweep(sweep);
  } catch (const UsageError& e) {
    std::cerr << "filmtherm: " << e.what() << "\n";
    return exit_usage_error;
  } catch (const filmtherm::QuantityParseError& e) {
    std::cerr << "filmtherm: " << e.what() << "\n";
    return exit_usage_error;
  } catch (const filmtherm::ParameterError& e) {
    std::cerr << "filmtherm: " << e.what() << "\n";
    return exit_usage_error;
  } catch (const filmtherm::SweepRequestError& e) {
    std::cerr << "filmtherm: " << e.what() << "\n";
    return exit_usage_error;
  } catch (const filmtherm::PluginError& e) {
    std::cerr << "filmtherm: " << e.what() << "\n";
    return exit_usage_error;
  } catch (const std::exception& e) {
    std::cerr << "filmtherm: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
