"""The test run refuses network connections (pytest-socket, configured in pyproject.toml)."""

import socket

import pytest


def test_outbound_connection_is_refused():
    # pytest-socket raises, and warns first; warnings are errors in this suite, so either stops it.
    with pytest.raises((RuntimeError, UserWarning)) as error:
        socket.create_connection(("192.0.2.1", 80), timeout=1)
    assert "socket" in str(error.value)


def test_readability_needs_no_network(reference_briefing):
    r = reference_briefing.readability
    assert r.words > 0 and r.sentences > 0
    assert -50 < r.flesch_reading_ease < 120
