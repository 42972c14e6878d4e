"""The one error type of the package: a ValueError with a Korean and an English line."""


class NlpPPError(ValueError):
    """Raised for bad input or a missing dependency; the message says what to do."""

    def __init__(self, ko: str, en: str):
        super().__init__(f"{ko}\n{en}")
        self.ko, self.en = ko, en
