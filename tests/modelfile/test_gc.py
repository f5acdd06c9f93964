"""The loader pauses the garbage collector only while it runs, and restores its state."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from c2graph import InputFileError, ModelError, load_model
from c2graph.modelfile import loader
from c2graph.modelfile.parsing import gc_paused


@pytest.fixture
def collector() -> Iterator[None]:
    """Leave the collector as the test found it, whatever the test does to it."""
    was_enabled = gc.isenabled()
    yield
    if was_enabled:
        gc.enable()
    else:
        gc.disable()


@pytest.mark.parametrize("enabled", [True, False])
def test_load_model_restores_the_collector(collector, write_model, minimal_text, enabled):
    gc.enable() if enabled else gc.disable()
    load_model(write_model(minimal_text))
    assert gc.isenabled() is enabled


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_restored_after_a_model_error(collector, write_model, enabled):
    gc.enable() if enabled else gc.disable()
    with pytest.raises(ModelError):
        load_model(write_model("name: x\n"))
    assert gc.isenabled() is enabled


def test_the_collector_is_restored_after_an_input_file_error(collector, tmp_path):
    gc.enable()
    with pytest.raises(InputFileError):
        load_model(tmp_path / "missing.yaml")
    assert gc.isenabled()


def test_the_collector_is_off_while_the_model_is_built(
    collector, monkeypatch, write_model, minimal_text
):
    seen = []
    build = loader.build_model

    def watched(*args, **kwargs):
        seen.append(gc.isenabled())
        return build(*args, **kwargs)

    monkeypatch.setattr(loader, "build_model", watched)
    gc.enable()
    load_model(write_model(minimal_text))
    assert (seen, gc.isenabled()) == ([False], True)


def test_pauses_nest(collector):
    gc.enable()
    with gc_paused():
        with gc_paused():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()


def test_overlapping_pauses_in_two_threads_end_with_the_last(collector):
    gc.enable()
    entered, release = threading.Event(), threading.Event()

    def hold() -> None:
        with gc_paused():
            entered.set()
            release.wait(10)

    other = threading.Thread(target=hold)
    other.start()
    entered.wait(10)
    with gc_paused():
        pass
    still_off = not gc.isenabled()  # the other thread's pause has not ended
    release.set()
    other.join(10)
    assert (still_off, gc.isenabled()) == (True, True)
