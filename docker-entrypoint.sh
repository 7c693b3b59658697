#!/bin/sh
# The container's entrypoint: the first argument is the role (API.md, "Processes").
#   web | worker [celery args, e.g. -Q orders] | beat | migrate | manage <command> | any other command
# Every role is exec'd, so it is PID 1 and receives SIGTERM itself for a graceful stop.
set -eu

# A tmpfs or fresh volume mounted at /app/var starts empty: recreate the temp dir Python uses.
if [ -n "${TMPDIR:-}" ]; then
    mkdir -p "$TMPDIR"
fi

role="${1:-web}"
if [ "$#" -gt 0 ]; then shift; fi

case "$role" in
    web)
        # /dev/shm for the worker heartbeat files: it stays writable under a read-only root.
        exec gunicorn oms.config.wsgi:application \
            --bind "0.0.0.0:${PORT:-8000}" \
            --workers "${WEB_CONCURRENCY:-2}" \
            --graceful-timeout 30 \
            --worker-tmp-dir /dev/shm \
            --access-logfile - \
            "$@"
        ;;
    worker)
        # With no -Q it consumes every queue the OMS declares; pass -Q <context> to scale one alone.
        exec celery -A oms.config.celery worker --loglevel INFO "$@"
        ;;
    beat)
        exec celery -A oms.config.celery beat --loglevel INFO \
            --schedule /app/var/celerybeat-schedule "$@"
        ;;
    migrate)
        exec python manage.py migrate --noinput "$@"
        ;;
    manage)
        exec python manage.py "$@"
        ;;
    *)
        exec "$role" "$@"
        ;;
esac
