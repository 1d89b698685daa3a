"""Runs the app under uvicorn: one process, or a supervisor and N worker processes sharing one socket."""
from __future__ import annotations

import os
import shutil
import socket
import tempfile

import uvicorn
from uvicorn.supervisors import Multiprocess

from legalcheck.server.logs import log_config
from legalcheck.server.settings import Settings

APP = "legalcheck.server.app:create_app"


class _Config(uvicorn.Config):
    def bind_socket(self) -> socket.socket:
        sock = super().bind_socket()
        # uvicorn makes the shared socket with proto 0, so asyncio does not set TCP_NODELAY on the
        # connections the workers accept; without it a response written as headers then body waits
        # for the client's delayed ACK (about 40 ms). Linux copies the option to accepted sockets.
        if sock.family in (socket.AF_INET, socket.AF_INET6):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return sock


def serve(settings: Settings, host: str, port: int, workers: int) -> None:
    made = None
    if workers > 1 and settings.metrics_enabled and not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        # every worker writes its samples here; /metrics sums them (prometheus_client multiprocess mode)
        made = os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="legalcheck-metrics-")
    config = _Config(APP, factory=True, host=host, port=port, workers=workers,
                     log_config=log_config(settings.log_level), access_log=False, server_header=False,
                     proxy_headers=False,   # LEGALCHECK_TRUSTED_PROXIES instead (app.py); not FORWARDED_ALLOW_IPS
                     timeout_graceful_shutdown=30)
    try:
        if workers > 1:
            Multiprocess(config, sockets=[config.bind_socket()]).run()
        else:
            uvicorn.Server(config).run()
    except KeyboardInterrupt:
        pass
    finally:
        if made:
            shutil.rmtree(made, ignore_errors=True)
