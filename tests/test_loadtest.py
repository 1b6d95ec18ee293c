"""The load script itself runs clean on a short, small load (the full run is `python -m benchmarks.loadtest`)."""

from benchmarks.loadtest import main


def test_short_load_has_no_errors_and_loses_nothing(capsys):
    assert main(["--sessions", "3", "--seconds", "4"]) == 0
    out = capsys.readouterr().out
    assert "errors: 0" in out and "missing from the store: 0" in out and "(missing: 0)" in out
