"""kg.http_client's deadline: one message for a request that got no complete reply in time."""

from __future__ import annotations

import pytest

from kg.http_client import _Deadline


@pytest.mark.parametrize("timer_fired", [True, False])
def test_a_read_timeout_and_the_deadline_timer_give_the_same_message(timer_fired: bool) -> None:
    # The socket's own timeout and the deadline's timer are the same number of seconds; on a loaded
    # machine either may fire first, and the user must see the deadline's message both ways.
    message = r"no complete reply within the --llm-timeout of 0\.5 s"
    with pytest.raises(TimeoutError, match=message), _Deadline(0.5, "--llm-timeout") as deadline:
        deadline.expired = timer_fired
        raise TimeoutError("timed out")


def test_other_errors_before_the_deadline_pass_through() -> None:
    with pytest.raises(ConnectionResetError), _Deadline(30, "--timeout"):
        raise ConnectionResetError("reset by peer")
