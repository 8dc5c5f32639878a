import logging
import re

_NINE_DIGITS = re.compile(r"(?<!\d)\d{9}(?!\d)")


class ScrubPersonalDataFilter(logging.Filter):
    """Replace anything that looks like a BSN (nine digits) in log records."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if _NINE_DIGITS.search(message):
            record.msg = _NINE_DIGITS.sub("[bsn]", message)
            record.args = ()
        return True
