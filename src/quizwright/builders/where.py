"""Where in a reading items may come from."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Where:
    """The sentences of a reading that items may come from."""

    usable: set[int]
    """Sentences that stand alone."""
    contexts: dict[int, str]
    """Sentences that lean on the one before, and that sentence (shown as the item's context)."""

    def context(self, index: int) -> str | None:
        return self.contexts.get(index)

    def indexes(self) -> list[int]:
        return sorted(self.usable | set(self.contexts))
