#!/usr/bin/env bash
# Build the standalone one-folder app dist/xincept-desktop/ with PyInstaller, then run its self-test in an
# empty environment (no virtualenv, no PATH, a fresh HOME: nothing from this machine's caches is used).
#
#   bash packaging/build.sh            (what `make package` runs after `make setup`)
#
# Needs: .venv with the project installed, the trained model in models/xincept-all/, and its inference runtime
# exported on this machine (`xincept export-runtime`, part of `make setup`). TensorFlow is not packaged. Installs PyInstaller into the venv when missing. Exit status: 0 built and self-test
# passed; non-zero otherwise (the failing step is printed).
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)
PY="$REPO/.venv/bin/python"
DIST="$REPO/dist"
APP="$DIST/xincept-desktop"
MODEL="${XINCEPT_PACKAGE_MODEL_DIR:-$REPO/models/xincept-all}"

say() { printf '%s build.sh: %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { say "$*"; exit 1; }

[ -x "$PY" ] || die "no virtualenv at .venv: run 'make setup' first"
if ! "$PY" -c "import PyInstaller" 2>/dev/null; then
    say "installing PyInstaller into .venv"
    "$PY" -m pip install -q --disable-pip-version-check 'pyinstaller>=6.6,<7'
fi

# Inputs, checked before the (long) build: the model and its exported runtime through the unfrozen self-test, so
# that a model that does not load is never mistaken for a packaging problem.
[ -f "$MODEL/manifest.json" ] || die "model bundle missing: $MODEL (train it: .venv/bin/xincept train ...)"
say "unfrozen self-test of $MODEL"
env -i HOME="$HOME" QT_QPA_PLATFORM=offscreen ${XINCEPT_RUNTIME_DIR:+XINCEPT_RUNTIME_DIR="$XINCEPT_RUNTIME_DIR"} \
    "$PY" -m xincept_desktop.ui.app --self-test --no-qt --model "$MODEL" \
    || die "the model does not pass the self-test even unfrozen (run .venv/bin/xincept export-runtime?)"

# XGBoost's PyPI wheel carries its CUDA kernels (libxgboost.so 189 MB); the app predicts on the CPU, so the frozen
# app takes the library of the CPU-only wheel of the same version (xgboost-cpu, 17 MB, same C API) when pip can
# fetch it. Without it the full library is packaged and the app is about 170 MB larger.
XGB_VERSION=$("$PY" -c 'import xgboost; print(xgboost.__version__)')
XGB_CPU="$REPO/build/xgboost-cpu-$XGB_VERSION"
if [ ! -f "$XGB_CPU/xgboost/lib/libxgboost.so" ] && [ "$(uname -s)" = Linux ]; then
    rm -rf "$XGB_CPU" && mkdir -p "$XGB_CPU"
    if "$PY" -m pip download -q --disable-pip-version-check --no-deps -d "$XGB_CPU" "xgboost-cpu==$XGB_VERSION" \
            2>/dev/null; then
        "$PY" -m zipfile -e "$XGB_CPU"/xgboost_cpu-*.whl "$XGB_CPU"
    else
        say "xgboost-cpu $XGB_VERSION not available: packaging the full XGBoost library"
    fi
fi
if [ -f "$XGB_CPU/xgboost/lib/libxgboost.so" ]; then
    export XINCEPT_PACKAGE_XGBOOST_CPU="$XGB_CPU"
fi

say "building $APP (PyInstaller $("$PY" -c 'import PyInstaller; print(PyInstaller.__version__)'))"
started=$(date +%s)
rm -rf "$APP"
XINCEPT_PACKAGE_MODEL_DIR="$MODEL" \
    "$PY" -m PyInstaller --noconfirm --log-level WARN --distpath "$DIST" --workpath "$REPO/build/pyinstaller" \
    packaging/xincept-desktop.spec
cp resources/xincept-desktop.desktop resources/icons/xincept-desktop.png resources/icons/xincept-desktop.svg "$APP/"
chmod -R a+rX "$APP"  # the model and weight caches are 0600; an /opt install must be readable by every user
dangling=$(find "$APP" -xtype l)
[ -z "$dangling" ] || die "links to libraries the spec dropped (DROP_BINARIES): $dangling"
built=$(date +%s)
say "built in $((built - started)) s"

say "frozen self-test (empty environment, fresh HOME, offscreen)"
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
status=0
env -i HOME="$home" QT_QPA_PLATFORM=offscreen "$APP/xincept-desktop" --self-test || status=$?
[ "$status" -eq 0 ] || die "frozen self-test FAILED (exit $status)"
say "self-test passed in $(( $(date +%s) - built )) s"
say "bundle size: $(du -sh "$APP" | cut -f1) ($(du -sb "$APP" | cut -f1) bytes; target <= 700 MB) ($APP); largest parts:"
[ ! -e "$APP/_internal/tensorflow" ] || die "TensorFlow was packaged: the app must not need it"
du -sh "$APP"/_internal/* 2>/dev/null | sort -h | tail -8 >&2
