"""The package's error types: a ValueError with a Korean and an English line."""


class NlpPPError(ValueError):
    """Raised for bad input or a missing dependency; the message says what to do."""

    def __init__(self, ko: str, en: str):
        super().__init__(f"{ko}\n{en}")
        self.ko, self.en = ko, en


class DownloadError(NlpPPError):
    """A download failed (network, offline mode, or a broken body): the cache is intact."""
