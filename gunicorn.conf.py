"""Gunicorn settings for `make serve` and production: `gunicorn -c gunicorn.conf.py
council_sm.wsgi`. Every value can be changed from the environment (docs/deploy.md)."""

import multiprocessing
import os

# Loopback only: a reverse proxy (nginx) on the same server faces the network, buffers slow
# clients (sync workers must not wait on them) and terminates TLS or forwards from the balancer.
bind = f"127.0.0.1:{os.environ.get('PORT', '8000')}"

# The usual (2 x cores) + 1 sync workers: requests are short and CPU-bound (templates, the
# engine), so more workers than that only add memory.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
# Load Django once in the master and fork: workers start fast and share its memory.
preload_app = True
# A PDF record takes about a second to render; nothing should take 30.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so that no slow growth of memory goes unbounded.
max_requests = 2000
max_requests_jitter = 200
# Heartbeat files in memory, not on a disk that may be slow or full (gunicorn gives each a
# unique name and unlinks it at once, so a shared folder is safe here).
_SHARED_MEMORY = "/dev/shm"  # noqa: S108
worker_tmp_dir = _SHARED_MEMORY if os.path.isdir(_SHARED_MEMORY) else None

# JSON lines on stdout (access) and stderr (errors), without client addresses or query strings.
logger_class = "council_sm.serving.JsonLogger"
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# Used only by gunicorn's default formatter, which JsonLogger replaces; kept free of %(h)s and
# %(r)s all the same, should the logger class ever be removed.
access_log_format = "%(m)s %(U)s %(s)s %(B)s %(M)sms %({x-request-id}o)s"
proc_name = "council_sm"
# Gunicorn's runtime control socket is not used, and several servers on one machine would
# share its default path.
control_socket_disable = True
