"""The request id of the current request, readable from services without passing it around."""

from contextvars import ContextVar

request_id: ContextVar[str] = ContextVar("route27_request_id", default="")
