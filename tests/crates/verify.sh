#!/usr/bin/env bash
# Builds every oracle crate under tests/crates and checks that expected-exports.txt is exactly what
# the built shared library exports (`nm -D --defined-only`), minus symbols that are not the crate's own.
#
#   tests/crates/verify.sh            check (exit 1 on any difference)
#   tests/crates/verify.sh --update   rewrite expected-exports.txt from the build instead
#
# Linux only: the oracle lists describe an x86_64/aarch64 Linux build (cfg(target_os = "linux") on,
# cfg(windows) off). Needs cargo (rustup's ~/.cargo/bin is used when it exists) and binutils' nm.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
cargo="cargo"
[ -x "$HOME/.cargo/bin/cargo" ] && cargo="$HOME/.cargo/bin/cargo"
update=0
[ "${1:-}" = "--update" ] && update=1

# Symbols a Rust cdylib or the linker may add that do not come from the crate's source.
not_ours='^(_init|_fini|_edata|_end|__bss_start|rust_eh_personality|__rust_.*|_ZN.*|_R.*)$'

status=0
for manifest in "$here"/*/Cargo.toml; do
    crate_dir="$(dirname "$manifest")"
    name="$(basename "$crate_dir")"
    "$cargo" build --offline --quiet --manifest-path "$manifest"
    # The library name is the package name with '-' replaced by '_'.
    lib_name="$(sed -n 's/^name *= *"\(.*\)"/\1/p' "$manifest" | head -n 1 | tr '-' '_')"
    so="$crate_dir/target/debug/lib$lib_name.so"
    actual="$(nm -D --defined-only --format=posix "$so" | awk '{print $1}' | grep -Ev "$not_ours" | LC_ALL=C sort)"
    if [ "$update" = 1 ]; then
        printf '%s\n' "$actual" > "$crate_dir/expected-exports.txt"
        echo "updated $name/expected-exports.txt ($(printf '%s\n' "$actual" | wc -l) symbols)"
    elif diff -u "$crate_dir/expected-exports.txt" <(printf '%s\n' "$actual") > /dev/null; then
        echo "ok      $name ($(printf '%s\n' "$actual" | wc -l) symbols)"
    else
        echo "DIFFERS $name: expected-exports.txt vs nm -D --defined-only $so"
        diff -u "$crate_dir/expected-exports.txt" <(printf '%s\n' "$actual") || true
        status=1
    fi
    # Names that appear in the source but must not be exported (first word of each line).
    unexpected="$(LC_ALL=C comm -12 <(awk '{print $1}' "$crate_dir/not-exported.txt" | LC_ALL=C sort) <(printf '%s\n' "$actual"))"
    if [ -n "$unexpected" ]; then
        echo "DIFFERS $name: not-exported.txt names symbols the library does export: $unexpected"
        status=1
    fi
    if [ -f "$crate_dir/macro-exports.txt" ]; then
        # Every macro-generated export must be a real export.
        missing="$(LC_ALL=C comm -23 "$crate_dir/macro-exports.txt" <(printf '%s\n' "$actual"))"
        if [ -n "$missing" ]; then
            echo "DIFFERS $name: macro-exports.txt names symbols the library does not export: $missing"
            status=1
        fi
    fi
done
exit "$status"
