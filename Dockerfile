# One image, every role: the entrypoint's first argument picks web, worker, beat, migrate or manage
# (API.md, "Processes"). Build: docker build -t oms .
# BASE_IMAGE lets a build without registry access supply its own Python 3.11 base.
ARG BASE_IMAGE=python:3.11-slim-bookworm

# --- builder: wheels for the project and every dependency --------------------------------------
FROM ${BASE_IMAGE} AS builder

ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
# Every dependency ships manylinux wheels, so no compiler is installed even here.
COPY pyproject.toml README.md ./
COPY oms ./oms
RUN pip wheel . --wheel-dir /wheels

# --- runtime: the wheels, manage.py and the entrypoint; nothing else ---------------------------
FROM ${BASE_IMAGE} AS runtime

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=oms.config.settings \
    STATIC_ROOT=/app/static \
    EMBEDDED_DATABASE=/app/var/oms.sqlite3 \
    HOME=/app/var \
    TMPDIR=/app/var/tmp \
    PORT=8000

# The wheels are bind-mounted, not copied, so they never become a layer of the image.
RUN --mount=type=bind,from=builder,source=/wheels,target=/wheels \
    pip install --no-index --find-links=/wheels /wheels/*.whl

RUN groupadd --system --gid 10001 oms \
    && useradd --system --uid 10001 --gid oms --no-create-home --home-dir /app/var --shell /usr/sbin/nologin oms

WORKDIR /app
COPY --chmod=0755 docker-entrypoint.sh /app/docker-entrypoint.sh
COPY manage.py /app/manage.py

# Static files are baked in at build time and stay root-owned and read-only. They live outside
# /app/var on purpose: a tmpfs or volume mounted there must not hide them.
# DEBUG is off, so settings demand a secret and hosts: throwaway values, for this RUN only.
RUN DEBUG=false SECRET_KEY=collectstatic-build-only ALLOWED_HOSTS=localhost \
    python manage.py collectstatic --noinput --verbosity 0 \
    && mkdir -p /app/var/tmp \
    && chown -R oms:oms /app/var

# /app/var is the only writable place (embedded SQLite, beat schedule, temp files, and HOME, where
# gunicorn puts its control socket), so the container runs with a read-only root filesystem given a
# volume or tmpfs at /app/var.
USER 10001:10001
EXPOSE 8000

# Liveness of the web role: /healthz touches no dependency and is answered before host validation.
# Worker and beat containers override or disable this check.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request as r; r.urlopen('http://127.0.0.1:' + os.environ.get('PORT', '8000') + '/healthz', timeout=4)"]

ENTRYPOINT ["/app/docker-entrypoint.sh"]
CMD ["web"]
