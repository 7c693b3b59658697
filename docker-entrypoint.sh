#!/bin/sh
# The container's entrypoint: the first argument is the role (API.md, "Processes").
#   web | worker [celery args, e.g. -Q orders] | beat | migrate | manage <command> | any other command
# Every role is exec'd, so it is PID 1 and receives SIGTERM itself: gunicorn stops gracefully (in-flight
# requests finish within WEB_GRACEFUL_TIMEOUT), a Celery worker warmly (running tasks finish, nothing
# new is taken; unacknowledged messages go back to the broker because tasks acknowledge late).
#
# Each container is one Python process serving requests or tasks on threads, so the metrics it exposes
# are the whole truth about it and Prometheus needs no multiprocess aggregation: scale by adding
# containers (docs/operations.md).
set -eu

# A tmpfs or fresh volume mounted at /app/var starts empty: recreate the temp dir Python uses.
if [ -n "${TMPDIR:-}" ]; then
    mkdir -p "$TMPDIR"
fi

role="${1:-web}"
if [ "$#" -gt 0 ]; then shift; fi

case "$role" in
    web)
        # /dev/shm for the worker heartbeat file: it stays writable under a read-only root.
        exec gunicorn oms.config.wsgi:application \
            --bind "0.0.0.0:${PORT:-8000}" \
            --worker-class gthread \
            --workers "${WEB_CONCURRENCY:-1}" \
            --threads "${WEB_THREADS:-8}" \
            --timeout "${WEB_TIMEOUT:-30}" \
            --graceful-timeout "${WEB_GRACEFUL_TIMEOUT:-30}" \
            --keep-alive 5 \
            --max-requests "${WEB_MAX_REQUESTS:-0}" \
            --max-requests-jitter "${WEB_MAX_REQUESTS_JITTER:-0}" \
            --worker-tmp-dir /dev/shm \
            --access-logfile - \
            "$@"
        ;;
    worker)
        # With no -Q it consumes every queue the OMS declares; pass -Q <context> to scale one alone.
        # Handlers wait on the database, the broker and the payment provider, so threads suit them.
        exec celery -A oms.config.celery worker --loglevel "${CELERY_LOGLEVEL:-INFO}" \
            --pool "${CELERY_POOL:-threads}" \
            --concurrency "${CELERY_CONCURRENCY:-4}" \
            "$@"
        ;;
    beat)
        exec celery -A oms.config.celery beat --loglevel "${CELERY_LOGLEVEL:-INFO}" \
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
