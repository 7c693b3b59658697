"""What the placement saga is waiting for, until when, how often it asked, and what needs a person.

Kept apart from the saga's rules so the sweeper's bookkeeping (deadlines, attempts, last errors,
the attention flag) reads on its own and persists as plain columns.
"""

from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime, timedelta

from oms.contexts.orders.domain.saga_state import SagaStep, StepProgress


class StepTracker:
    def __init__(
        self,
        *,
        current_step: SagaStep | None = None,
        deadline: datetime | None = None,
        progress: Mapping[SagaStep, StepProgress] | None = None,
        attention_reason: str | None = None,
        attention_step: SagaStep | None = None,
    ) -> None:
        self.current_step = current_step
        self.deadline = deadline
        self.progress = {step: (progress or {}).get(step, StepProgress()) for step in SagaStep}
        self.attention_reason = attention_reason
        self.attention_step = attention_step  # set when the flag is about one step's silence

    @property
    def needs_attention(self) -> bool:
        return self.attention_reason is not None

    def attempts(self, step: SagaStep) -> int:
        return self.progress[step].attempts

    def begin(self, step: SagaStep, *, now: datetime, timeout: timedelta) -> None:
        """Counts a send of ``step``'s command, first or retry, and restarts its clock."""
        self.progress[step] = replace(self.progress[step], attempts=self.progress[step].attempts + 1)
        self.current_step, self.deadline = step, now + timeout

    def end(self, *, error: str | None = None) -> None:
        """The awaited reply came (or the wait became pointless); a flag about its silence is moot."""
        step = self.current_step
        if step is not None and error is not None:
            self.note_error(step, error)
        if step is not None and self.attention_step is step:
            self.resolve_attention()
        self.current_step, self.deadline = None, None

    def overdue(self, now: datetime) -> SagaStep | None:
        if self.deadline is None or now < self.deadline:
            return None
        return self.current_step

    def note_error(self, step: SagaStep, error: str) -> None:
        self.progress[step] = replace(self.progress[step], last_error=error)

    def give_up(self, step: SagaStep, reason: str) -> None:
        """Stops the clock but keeps waiting: a late reply still moves the saga on and clears the flag."""
        self.deadline = None
        self.flag(reason, step=step)

    def flag(self, reason: str, *, step: SagaStep | None = None) -> None:
        self.attention_reason, self.attention_step = reason, step

    def resolve_attention(self) -> None:
        self.attention_reason, self.attention_step = None, None
