#!/usr/bin/env bash
# Package test, run by ctest (tests/package/CMakeLists.txt sets the PACKAGE_TEST_*
# variables). Writes only under $PACKAGE_TEST_WORK_DIR.
#  (a) cmake --install the build tree into a scratch prefix;
#  (b) build examples/plugin, examples/host and examples/c-api out of tree
#      against it, with CMake (find_package) and with pkg-config,
#      -Wall -Wextra -Wpedantic -Werror;
#  (c) run the installed filmtherm with the plugin and check what it prints:
#      the plugin is listed, a tabulated temperature returns the tabulated
#      value, T outside the table fails with exit 2 naming the range; the C
#      host's C(5 K) equals `filmtherm heat-capacity --model film` to 1e-12;
#      and table_plugin_check.c tests the interpolation through the C ABI;
#  (d) run the C API host (libfilmtherm) from both builds: it finds the
#      installed built-in plugin beside the installed library, evaluates NbTiN
#      and runs the NbTiN device with film and Debye phonons.
#  (e) when the COMSOL library is built: it is installed, finds the installed
#      libfilmtherm by its RPATH alone, and evaluates when dlopened by
#      comsol_threads (a program that does not link libfilmtherm).
#  (f) when the Python package is built: import filmtherm from the install
#      (PYTHONPATH=<prefix>/lib/python3/dist-packages, nothing of the build
#      tree), check it loads the installed library and built-in plugin, and
#      that C(5 K) equals the CLI's JSON exactly.
set -euo pipefail

source_dir=${PACKAGE_TEST_SOURCE_DIR:?set by ctest}
build_dir=${PACKAGE_TEST_BUILD_DIR:?set by ctest}
work=${PACKAGE_TEST_WORK_DIR:?set by ctest}
cmake=${PACKAGE_TEST_CMAKE:-cmake}
generator=${PACKAGE_TEST_GENERATOR:-Ninja}
cc=${PACKAGE_TEST_C_COMPILER:-cc}
libdir=${PACKAGE_TEST_LIBDIR:-lib}
includedir=${PACKAGE_TEST_INCLUDEDIR:-include}
bindir=${PACKAGE_TEST_BINDIR:-bin}
sanitize_flags=${PACKAGE_TEST_SANITIZE_FLAGS:-}
strict_flags="-Wall -Wextra -Wpedantic -Werror ${sanitize_flags}"

pkg_config=$(command -v pkg-config || command -v pkgconf || true)
if [[ -z "$pkg_config" ]]; then
  echo "SKIPPED: pkg-config not found"
  exit 77
fi

step() { echo "== $*"; }
fail() {
  echo "FAILED: $*" >&2
  exit 1
}
# Runs a command, its output in $work/<log>; shows the log if it fails.
logged() {
  local log=$1
  shift
  if ! "$@" >"$work/$log" 2>&1; then
    cat "$work/$log" >&2
    fail "$* (log: $work/$log)"
  fi
}
# |a - b| / |b| <= tolerance; prints the relative difference.
close_to() {
  awk -v a="$1" -v b="$2" -v tolerance="$3" -v what="$4" 'BEGIN {
    d = (a - b) / b; if (d < 0) d = -d
    printf "   %s: %.17g vs %.17g, relative difference %.2e (tolerance %g)\n", what, a, b, d, tolerance
    exit !(d <= tolerance) }' || fail "$4: $1 differs from $2 by more than $3 relative"
}
# The value of "key": in filmtherm's JSON output (first row).
json_value() {
  grep -F "\"$1\":" "$2" | head -n 1 | sed -E 's/.*": *([^,]*),?$/\1/'
}
expect_in() {
  grep -qF -- "$1" "$2" || {
    cat "$2" >&2
    fail "expected '$1' in $2"
  }
}

unset FILMTHERM_PLUGIN_PATH DESTDIR
rm -rf "$work"
mkdir -p "$work"
prefix="$work/prefix"
start_seconds=$SECONDS

step "(a) install $build_dir into $prefix"
logged install.log "$cmake" --install "$build_dir" --prefix "$prefix"
filmtherm="$prefix/$bindir/filmtherm"
plugin_dir="$prefix/$libdir/filmtherm/plugins"
builtin="$plugin_dir/filmtherm-builtin.so"
for file in "$filmtherm" "$builtin" "$prefix/$includedir/filmtherm/plugin.h" \
  "$prefix/$includedir/filmtherm/filmtherm.h" "$prefix/$libdir/libfilmtherm.so.0" \
  "$prefix/$libdir/cmake/filmtherm/filmthermConfig.cmake" "$prefix/$libdir/pkgconfig/filmtherm.pc"; do
  [[ -e "$file" ]] || fail "the install lacks $file"
done

step "(b) build the examples out of tree against $prefix"
# A second table, written from the built-in 'film' model, exercises the
# interpolation on a curve that is not a power law (log-slope 4 -> 3).
"$filmtherm" heat-capacity --model film -d 6nm -v 4000m/s --temperature-range 0.5K:40K:60 --log \
  --format csv >"$work/film.csv"
film_table="$work/film-6nm-check.csv"
{
  echo "# description: test table written by run_package_test.sh from filmtherm's film model"
  echo "# film_thickness_m: 6e-9"
  echo "T [K],C [J m^-3 K^-1]"
  awk -F, '!/^#/ && NR > 1 && $1 ~ /^[0-9]/ { print $1 "," $2 }' "$work/film.csv"
} >"$film_table"
[[ $(grep -c '^[0-9]' "$film_table") -eq 60 ]] || fail "expected 60 rows in $film_table"

example_table="$source_dir/examples/plugin/data/nbtin-6nm-table.csv"
common_cmake_options=(-G "$generator" -DCMAKE_BUILD_TYPE=Release -DCMAKE_C_COMPILER="$cc"
  -DCMAKE_C_FLAGS="$strict_flags" -DCMAKE_PREFIX_PATH="$prefix"
  -DCMAKE_EXE_LINKER_FLAGS="$sanitize_flags" -DCMAKE_MODULE_LINKER_FLAGS="$sanitize_flags")
logged plugin-configure.log "$cmake" -S "$source_dir/examples/plugin" -B "$work/plugin-build" \
  "${common_cmake_options[@]}" -DTABLE_CSV_FILES="$example_table;$film_table"
logged plugin-build.log "$cmake" --build "$work/plugin-build"
[[ -f "$work/plugin-build/table-heat-capacity.so" ]] || fail "the plugin build made no plugin"
plugin=$(realpath "$work/plugin-build/table-heat-capacity.so")
found_config=$(sed -n 's/^filmtherm_DIR:PATH=//p' "$work/plugin-build/CMakeCache.txt")
[[ "$found_config" == "$prefix/$libdir/cmake/filmtherm" ]] ||
  fail "find_package(filmtherm) found $found_config, not the scratch install"

logged host-configure.log "$cmake" -S "$source_dir/examples/host" -B "$work/host-build" \
  "${common_cmake_options[@]}"
logged host-build.log "$cmake" --build "$work/host-build"
logged c-api-configure.log "$cmake" -S "$source_dir/examples/c-api" -B "$work/c-api-build" \
  "${common_cmake_options[@]}"
logged c-api-build.log "$cmake" --build "$work/c-api-build"

step "(b) build the host and the plugin with pkg-config"
export PKG_CONFIG_PATH="$prefix/$libdir/pkgconfig"
pc_includedir=$("$pkg_config" --variable=includedir filmtherm)
[[ "$(realpath -m "$pc_includedir")" == "$(realpath -m "$prefix/$includedir")" ]] ||
  fail "filmtherm.pc (in $PKG_CONFIG_PATH) points to includedir=$pc_includedir, not into the prefix \
$prefix it was installed to: its prefix= line is fixed at configure time, so an install with \
'cmake --install --prefix' gets a wrong .pc (use prefix=\${pcfiledir}/../.. in cmake/filmtherm.pc.in)"
pc_cflags=$("$pkg_config" --cflags filmtherm)
mkdir -p "$work/pkgconfig"
# shellcheck disable=SC2086 # the flags are words
logged host-pkgconfig.log "$cc" -std=c99 $strict_flags $pc_cflags \
  "$source_dir/examples/host/host.c" -ldl -o "$work/pkgconfig/host"
logged embed-pkgconfig.log "$cmake" -DTABLE_CSV_FILES="$example_table" \
  -DOUTPUT="$work/pkgconfig/embedded_tables.h" -P "$source_dir/examples/plugin/embed_tables.cmake"
# shellcheck disable=SC2086
logged plugin-pkgconfig.log "$cc" -std=c99 $strict_flags -O2 -fPIC -shared -fvisibility=hidden \
  $pc_cflags -I"$source_dir/examples/plugin" -I"$work/pkgconfig" \
  "$source_dir/examples/plugin/table_plugin.c" "$source_dir/examples/plugin/table_heat_capacity.c" \
  -lm -o "$work/pkgconfig/table-heat-capacity.so"

pc_libs=$("$pkg_config" --libs filmtherm)
pc_libdir=$("$pkg_config" --variable=libdir filmtherm)
[[ "$(realpath -m "$pc_libdir")" == "$(realpath -m "$prefix/$libdir")" ]] ||
  fail "filmtherm.pc's libdir=$pc_libdir is not $prefix/$libdir"
# shellcheck disable=SC2086
logged c-api-pkgconfig.log "$cc" -std=c99 $strict_flags $pc_cflags \
  "$source_dir/examples/c-api/c_api_host.c" $pc_libs -Wl,-rpath,"$pc_libdir" \
  -o "$work/pkgconfig/c-api-host"

step "(c) filmtherm plugins"
logged plugins.log "$filmtherm" plugins --plugin "$plugin"
expect_in "filmtherm-builtin" "$work/plugins.log"
expect_in "table-heat-capacity 1.0.0 (ABI 1.0) $plugin" "$work/plugins.log"
expect_in "nbtin-6nm-table  [phonon heat capacity]" "$work/plugins.log"
expect_in "film-6nm-check  [phonon heat capacity]" "$work/plugins.log"
FILMTHERM_PLUGIN_PATH="$work/pkgconfig" logged plugins-path.log "$filmtherm" plugins
expect_in "nbtin-6nm-table" "$work/plugins-path.log"

step "(c) filmtherm heat-capacity with the table model"
logged table-5K.log "$filmtherm" heat-capacity --model nbtin-6nm-table --plugin "$plugin" -d 6nm -T 5K
expect_in "C_nbtin-6nm-table" "$work/table-5K.log"
logged table-5K.json "$filmtherm" heat-capacity --model nbtin-6nm-table --plugin "$plugin" -d 6nm \
  -T 5K --format json
tabulated=$(awk -F, '$1 == "5" { print $2 }' "$example_table")
[[ -n "$tabulated" ]] || fail "no 5 K row in $example_table"
# 1e-12: the value passes ln and exp once (a few ulp), the JSON prints it exactly.
close_to "$(json_value C_nbtin-6nm-table "$work/table-5K.json")" "$tabulated" 1e-12 \
  "nbtin-6nm-table at the tabulated 5 K"
# Eq. 20 is 'film-low-T'; the table interpolates it exactly in log-log.
logged low-T.json "$filmtherm" heat-capacity --model film-low-T -v 4000m/s -d 6nm -T 5.5K --format json
logged table-5.5K.json "$filmtherm" heat-capacity --model nbtin-6nm-table --plugin "$plugin" \
  -d 6nm -T 5.5K --format json
# 1e-12: the CSV's 15 digits (5e-15) and rounding of ln C; film-low-T uses the same CODATA values.
close_to "$(json_value C_nbtin-6nm-table "$work/table-5.5K.json")" \
  "$(json_value C_film-low-T "$work/low-T.json")" 1e-12 "nbtin-6nm-table at 5.5 K vs film-low-T"

for temperature in 25K 0.5K; do
  status=0
  "$filmtherm" heat-capacity --model nbtin-6nm-table --plugin "$plugin" -d 6nm -T "$temperature" \
    >"$work/outside.log" 2>&1 || status=$?
  [[ $status -eq 2 ]] || fail "T = $temperature outside the table: exit code $status, expected 2"
  expect_in "1 K to 20 K" "$work/outside.log"
  echo "   T = $temperature: exit 2, $(cat "$work/outside.log")"
done
status=0
"$filmtherm" heat-capacity --model nbtin-6nm-table --plugin "$plugin" -d 10nm -T 5K \
  >"$work/thickness.log" 2>&1 || status=$?
[[ $status -eq 2 ]] || fail "a 10 nm film with the 6 nm table: exit code $status, expected 2"
expect_in "6e-09 m" "$work/thickness.log"

step "(c) the C host against filmtherm heat-capacity --model film"
logged host.log "$work/host-build/host" "$builtin"
[[ $(grep -c '^[0-9]' "$work/host.log") -eq 20 ]] || fail "the host printed no 20 rows (host.log)"
host_5K=$(awk '$1 == "5" { print $2 }' "$work/host.log")
logged film-5K.csv "$filmtherm" heat-capacity --model film -d 6nm -v 4000m/s -T 5K --format csv
logged film-5K.json "$filmtherm" heat-capacity --model film -d 6nm -v 4000m/s -T 5K --format json
cli_csv_5K=$(awk -F, '!/^#/ && $1 == "5" { print $2 }' "$work/film-5K.csv")
[[ -n "$cli_csv_5K" ]] || fail "no 5 K row in film-5K.csv"
# The CSV prints 12 significant digits: compare the host's value rounded the same way ...
close_to "$(awk -v c="$host_5K" 'BEGIN { printf "%.12g", c }')" "$cli_csv_5K" 1e-12 \
  "host C(5 K), rounded to 12 digits, vs the CLI's CSV"
# ... and unrounded against the JSON, which prints every digit.
close_to "$host_5K" "$(json_value C_film "$work/film-5K.json")" 1e-12 "host C(5 K) vs the CLI's JSON"
logged host-default.log "$work/host-build/host"
cmp -s "$work/host.log" "$work/host-default.log" ||
  fail "the host without arguments (built-in plugin from find_package) printed something else"
logged host-pkgconfig-run.log "$work/pkgconfig/host" "$builtin"
cmp -s "$work/host.log" "$work/host-pkgconfig-run.log" || fail "the pkg-config host printed something else"

step "(c) the table plugin through the C ABI"
# shellcheck disable=SC2086
logged check-build.log "$cc" -std=c99 $strict_flags -O2 -I"$prefix/$includedir" \
  "$source_dir/tests/package/table_plugin_check.c" -ldl -lm -o "$work/table_plugin_check"
logged check.log "$work/table_plugin_check" "$plugin" "$builtin" film-6nm-check
sed 's/^/   /' "$work/check.log"

step "(d) the C API host against the install"
for host in "$work/c-api-build/c-api-host" "$work/pkgconfig/c-api-host"; do
  logged c-api-run.log "$host" "$source_dir/examples/materials/nbtin.yaml" NbTiN \
    "$source_dir/examples/devices/nbtin-6nm.yaml"
  [[ $(grep -c '^ *[0-9]' "$work/c-api-run.log") -eq 10 ]] || fail "$host printed no 10 rows"
  expect_in "film: peak T_e" "$work/c-api-run.log"
  expect_in "debye: peak T_e" "$work/c-api-run.log"
  # The library it runs with is the installed one, not the build tree's.
  used=$(ldd "$host" | awk '$1 == "libfilmtherm.so.0" { print $3 }')
  [[ -n "$used" && "$(realpath "$used")" == "$(realpath "$prefix/$libdir/libfilmtherm.so.0")" ]] ||
    fail "$host does not run with the installed libfilmtherm.so.0 but with '$used'"
done
sed 's/^/   /' "$work/c-api-run.log"

comsol_driver=${PACKAGE_TEST_COMSOL_DRIVER:-}
if [[ -n "$comsol_driver" ]]; then
  step "(e) the installed COMSOL external-function library"
  comsol="$prefix/$libdir/filmtherm/comsol/libfilmtherm_comsol.so"
  [[ -e "$comsol" ]] || fail "the install lacks $comsol"
  # It finds the installed libfilmtherm through its RPATH alone ...
  used=$(env -u LD_LIBRARY_PATH ldd "$comsol" | awk '$1 == "libfilmtherm.so.0" { print $3 }')
  [[ -n "$used" && "$(realpath "$used")" == "$(realpath "$prefix/$libdir/libfilmtherm.so.0")" ]] ||
    fail "$comsol does not load the installed libfilmtherm.so.0 but '$used'"
  # ... and, dlopened by a program that does not link libfilmtherm (as COMSOL
  # does not), evaluates with the installed built-in plugin.
  env -u LD_LIBRARY_PATH "$comsol_driver" "$source_dir" "$comsol" >"$work/comsol.log" 2>&1 || {
    cat "$work/comsol.log" >&2
    fail "$comsol_driver failed with the installed $comsol"
  }
fi

python=${PACKAGE_TEST_PYTHON:-}
if [[ -n "$python" ]]; then
  step "(f) the Python package from $prefix/${PACKAGE_TEST_PYTHON_DIR}"
  package_dir="$prefix/${PACKAGE_TEST_PYTHON_DIR}/filmtherm"
  [[ -f "$package_dir/__init__.py" ]] || fail "the install lacks $package_dir/__init__.py"
  # -s: no user site-packages; of filmtherm, only the install is on the path.
  logged python.log env -u PYTHONHOME PYTHONPATH="$prefix/${PACKAGE_TEST_PYTHON_DIR}" \
    PYTHONDONTWRITEBYTECODE=1 "$python" -s -c '
import json, os, sys
import filmtherm
from filmtherm import _filmtherm
prefix = os.path.realpath(sys.argv[1])
assert os.path.realpath(filmtherm.__file__).startswith(prefix), filmtherm.__file__
maps = open("/proc/self/maps").read()
libraries = {line.split()[-1] for line in maps.splitlines() if "libfilmtherm" in line}
assert libraries and all(os.path.realpath(l).startswith(prefix) for l in libraries), libraries
builtin = [m["path"] for m in filmtherm.plugins() if m["name"] == "film"]
assert builtin and os.path.realpath(builtin[0]).startswith(prefix), builtin
print(repr(filmtherm.heat_capacity(5.0, "6 nm", sound_velocity="4000 m/s")))
' "$prefix"
  python_5K=$(tail -n 1 "$work/python.log")
  close_to "$python_5K" "$(json_value C_film "$work/film-5K.json")" 0 \
    "C(5 K) from the installed Python package vs the CLI's JSON"
fi

echo "package test passed in $((SECONDS - start_seconds)) s"
