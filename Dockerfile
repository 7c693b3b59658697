# One image, every role: the entrypoint's first argument picks web, worker, beat, migrate or manage
# (API.md, "Processes"). Build: docker build -t oms .   Without Docker: scripts/build-image (buildah).
#
# BASE_IMAGE is any Debian bookworm image with Python 3.11 and its venv module: the official
# python:3.11-slim-bookworm, or a base made locally from Debian's packages (python3, python3-venv,
# ca-certificates), as scripts/build-image does where no registry is reachable. Both work because the
# application lives in its own virtual environment, /opt/venv, whichever Python the base provides.
ARG BASE_IMAGE=python:3.11-slim-bookworm

# --- builder: the virtual environment, compiled, and the collected static files -----------------
FROM ${BASE_IMAGE} AS builder

# A build behind a TLS-intercepting proxy or a private index passes these; they stay in this stage.
ARG PIP_INDEX_URL
ARG PIP_CERT
# Optional extras of pyproject.toml to include, comma-separated (e.g. EXTRAS=s3 for bucket storage).
ARG EXTRAS=""
ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    VIRTUAL_ENV=/opt/venv \
    PATH=/opt/venv/bin:$PATH
RUN python3 -m venv /opt/venv

WORKDIR /src
# The dependencies first, read from pyproject.toml alone, so a change to the code reuses this layer.
COPY pyproject.toml README.md ./
RUN python -c "import os, tomllib; p = tomllib.load(open('pyproject.toml', 'rb'))['project']; \
extras = [e for e in os.environ.get('EXTRAS', '').split(',') if e]; \
print(*p['dependencies'], *[d for e in extras for d in p['optional-dependencies'][e]], sep='\n')" \
        > requirements.txt \
    && pip install --requirement requirements.txt

# Every dependency ships manylinux wheels, so no compiler is needed, even here. What leaves: pip and
# setuptools (build tools), translation sources (.po, never read at run time) and the message catalogues
# of languages other than English (~10 MB): the OMS speaks English only (LANGUAGE_CODE en-us and no
# LocaleMiddleware). The compiled bytecode stays: under a read-only root, Python could not cache it,
# and every process would spend ~3 s more starting.
COPY oms ./oms
COPY manage.py ./
RUN pip install --no-deps . \
    && python -m pip uninstall --yes --quiet pip setuptools \
    && find /opt/venv \( -name '*.po' -o -name '*.mo' ! -path '*/locale/en/*' \) -delete

# Static files are collected at build time. DEBUG is off, so settings demand a secret and hosts:
# throwaway values, for this RUN only. The build's SQLite file is never created (no query runs).
RUN DEBUG=false SECRET_KEY=collectstatic-build-only ALLOWED_HOSTS=localhost \
    STATIC_ROOT=/static EMBEDDED_DATABASE=/tmp/collectstatic/oms.sqlite3 \
    python manage.py collectstatic --noinput --verbosity 0

# --- runtime: the virtual environment, the static files, manage.py and the entrypoint -----------
FROM ${BASE_IMAGE} AS runtime

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    VIRTUAL_ENV=/opt/venv \
    PATH=/opt/venv/bin:$PATH \
    DJANGO_SETTINGS_MODULE=oms.config.settings \
    STATIC_ROOT=/app/static \
    EMBEDDED_DATABASE=/app/var/oms.sqlite3 \
    HOME=/app/var \
    TMPDIR=/app/var/tmp \
    PORT=8000

# /app/var is the only writable place (embedded SQLite, beat schedule, temp files, and HOME), so the
# container runs with a read-only root filesystem given a volume or tmpfs there.
RUN groupadd --system --gid 10001 oms \
    && useradd --system --uid 10001 --gid oms --no-create-home --home-dir /app/var \
        --shell /usr/sbin/nologin oms \
    && mkdir -p /app/var/tmp \
    && chown -R oms:oms /app/var

# Code and static files stay root-owned, so the process cannot change them. Static files live outside
# /app/var on purpose: a tmpfs or volume mounted there must not hide them.
COPY --from=builder /opt/venv /opt/venv
COPY --from=builder /static /app/static
WORKDIR /app
COPY --chmod=0755 docker-entrypoint.sh /app/docker-entrypoint.sh
COPY manage.py /app/manage.py

USER 10001:10001
EXPOSE 8000
# Workers and beat stop warmly on SIGTERM, gunicorn gracefully: the orchestrator's grace period must
# exceed the web's graceful timeout (30 s by default).
STOPSIGNAL SIGTERM

# Liveness of the web role: /healthz touches no dependency and is answered before host validation.
# Worker and beat containers override or disable this check.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request as r; r.urlopen('http://127.0.0.1:' + os.environ.get('PORT', '8000') + '/healthz', timeout=4)"]

ENTRYPOINT ["/app/docker-entrypoint.sh"]
CMD ["web"]
