"""Structured JSON logs on stderr, one object a line, each with the request id of its request.

What is logged is chosen field by field (method, route, status, duration, narrative *length*);
no request body, query string, header value or exception message is ever written, because any
of them may hold a narrative or a key. Tracebacks keep their frames but lose the message.
"""
from __future__ import annotations

import contextvars
import json
import logging
import time
import traceback

request_id: contextvars.ContextVar[str | None] = contextvars.ContextVar("legalcheck_request_id", default=None)

# Only these extra attributes of a record are written; anything else a library attaches is dropped.
_FIELDS = ("event", "method", "route", "status", "duration_ms", "narrative_chars", "items", "client",
           "worker_pid", "code", "exc_type", "timeout_s", "analysis_ms", "key_id")


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        out = {"ts": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)) + f".{int(record.msecs):03d}Z",
               "level": record.levelname.lower(), "logger": record.name,
               "request_id": getattr(record, "request_id", None) or request_id.get()}
        # Library messages (uvicorn's, say) are format strings whose arguments are ours or theirs,
        # never request content; ours pass data only through _FIELDS.
        out["msg"] = record.getMessage() if record.name.startswith(("legalcheck", "uvicorn.error")) else record.msg
        for name in _FIELDS:
            if hasattr(record, name):
                out[name] = getattr(record, name)
        if record.exc_info and record.exc_info[0] is not None:
            out["exc_type"] = record.exc_info[0].__name__
            out["traceback"] = "".join(traceback.format_tb(record.exc_info[2]))[-4000:]
        return json.dumps(out, ensure_ascii=False, default=str)


def log_config(level: str = "info") -> dict:
    """logging.config.dictConfig for the server process and its workers (uvicorn's log_config)."""
    level = level.upper()
    handler = {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": "legalcheck.server.logs.JsonFormatter"}},
        "handlers": {"stderr": handler},
        "loggers": {
            "legalcheck": {"handlers": ["stderr"], "level": level, "propagate": False},
            "uvicorn": {"handlers": ["stderr"], "level": level, "propagate": False},
            "uvicorn.error": {"handlers": ["stderr"], "level": level, "propagate": False},
            # our middleware writes the access line (with the request id); uvicorn's would repeat it
            "uvicorn.access": {"handlers": [], "level": "CRITICAL", "propagate": False},
        },
    }


def setup(level: str = "info") -> None:
    import logging.config

    logging.config.dictConfig(log_config(level))
